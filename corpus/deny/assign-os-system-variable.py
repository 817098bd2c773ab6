# expect: strict=deny standard=deny audit=allow
import os

run = os.system
status = run("uname -a > /tmp/info.txt")
print("exit status:", status)
