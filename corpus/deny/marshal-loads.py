# expect: strict=deny standard=deny audit=allow
import marshal

with open("module.bin", "rb") as f:
    obj = marshal.loads(f.read())
print(type(obj))
