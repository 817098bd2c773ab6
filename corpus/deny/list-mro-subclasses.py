# expect: strict=deny standard=deny audit=allow
base = [].__class__.__mro__[-1]
for cls in base.__subclasses__():
    if cls.__name__ == "Popen":
        cls(["id"])
