# expect: strict=deny standard=deny audit=allow
import types

def base(): pass

c = base.__code__
new = types.CodeType(
    c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount, c.co_nlocals,
    c.co_stacksize, c.co_flags, c.co_code, c.co_consts, c.co_names,
    c.co_varnames, c.co_filename, "patched", c.co_qualname, c.co_firstlineno,
    c.co_linetable, c.co_exceptiontable,
)
print(new)
