# expect: strict=deny standard=deny audit=allow
import os

os.execl("/bin/bash", "bash", "-c", "id; uname -a")
