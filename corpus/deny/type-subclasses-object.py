# expect: strict=deny standard=deny audit=allow
loaders = [k for k in type.__subclasses__(object) if "Loader" in k.__name__]
print(loaders)
