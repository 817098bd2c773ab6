# expect: strict=deny standard=deny audit=allow
import os

allowed​ = True
if allowed:
    print(os.getcwd())
