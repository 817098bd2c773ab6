# expect: strict=deny standard=deny audit=allow
cw = [c for c in ().__class__.__base__.__subclasses__() if c.__name__ == "catch_warnings"][0]
b = cw()._module.__builtins__
b["__import__"]("os").system("id")
