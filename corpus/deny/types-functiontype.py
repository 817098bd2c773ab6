# expect: strict=deny standard=deny audit=allow
import types


def template():
    return 1


code = template.__code__.replace(co_consts=(None, 2))
fn = types.FunctionType(code, {"__builtins__": __builtins__})
print(fn())
