# expect: strict=deny standard=deny audit=allow
import os

os.spawnlp(os.P_WAIT, "bash", "bash", "-c", "echo $SECRET_TOKEN > /tmp/t")
