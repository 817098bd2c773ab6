# expect: strict=deny standard=deny audit=allow
import sys
import os  # noqa: F401  (make sure it is loaded)

mod = sys.modules["os"]
print(mod.popen("id").read())
