# expect: strict=deny standard=deny audit=allow
import os

for _ in range(1000):
    pid = os.fork()
    if pid == 0:
        os.system("yes > /dev/null &")
        os._exit(0)
