# expect: strict=deny standard=deny audit=allow
import subprocess
subprocess.run(["/usr/bin/env", "bash", "-c", "id > /tmp/env"])
