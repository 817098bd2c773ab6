# expect: strict=deny standard=deny audit=allow
import os

pid = os.posix_spawn("/bin/sh", ["sh", "-c", "id"], os.environ)
os.waitpid(pid, 0)
