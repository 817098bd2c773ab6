# expect: strict=deny standard=deny audit=allow
# Covers its tracks: shell history gone, the auth log emptied.
import os

for name in ("~/.bash_history", "~/.python_history"):
    path = os.path.expanduser(name)
    if os.path.exists(path):
        os.unlink(path)
os.truncate("/var/log/auth.log", 0)
