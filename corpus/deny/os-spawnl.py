# expect: strict=deny standard=deny audit=allow
import os

os.spawnl(os.P_NOWAIT, "/bin/sh", "sh", "-c", "while :; do sleep 60; done")
