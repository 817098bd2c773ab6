# expect: strict=deny standard=deny audit=allow
def find(name):
    return [c for c in object.__subclasses__() if c.__name__ == name]


print(find("BuiltinImporter"))
