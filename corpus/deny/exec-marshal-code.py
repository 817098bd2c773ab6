# expect: strict=deny standard=deny audit=allow
import marshal

code_obj = marshal.loads(open("stage.bin", "rb").read())
exec(code_obj)
