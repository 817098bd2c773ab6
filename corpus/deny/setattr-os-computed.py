# expect: strict=deny standard=deny audit=allow
import os

name = "sys" + "tem"
setattr(os, name, lambda cmd: print("intercepted", cmd))
os.system("ls")
