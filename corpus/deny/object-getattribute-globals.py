# expect: strict=deny standard=deny audit=allow
def target():
    pass


g = object.__getattribute__(target, "__globals__")
print(sorted(g))
