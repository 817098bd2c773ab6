# expect: strict=deny standard=deny audit=allow
import os

if os.fork() == 0:
    os.execlp("sh", "sh", "-c", "sleep 1; rm -rf ~/Downloads")
