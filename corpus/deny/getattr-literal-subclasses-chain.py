# expect: strict=deny standard=deny audit=allow
obj = getattr(getattr((), "__class__"), "__base__")
subs = getattr(obj, "__subclasses__")()
print(len(subs))
