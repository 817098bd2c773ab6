# expect: strict=deny standard=deny audit=allow
import builtins

b = builtins.__dict__
b["ex" + "ec"]("print('hello from exec')")
