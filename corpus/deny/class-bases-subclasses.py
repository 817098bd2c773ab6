# expect: strict=deny standard=deny audit=allow
# list every class loaded in the interpreter
classes = ().__class__.__bases__[0].__subclasses__()
for i, c in enumerate(classes):
    print(i, c)
