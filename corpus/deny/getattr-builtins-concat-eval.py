# expect: strict=deny standard=deny audit=allow
import builtins

fn = getattr(builtins, "ev" + "al")
print(fn("__import__('os').getcwd()"))
