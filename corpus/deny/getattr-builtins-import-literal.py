# expect: strict=deny standard=deny audit=allow
import builtins

loader = getattr(builtins, "__import__")
sp = loader("subprocess")
sp.call("id", shell=True)
