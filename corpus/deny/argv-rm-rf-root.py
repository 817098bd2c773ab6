# expect: strict=deny standard=deny audit=allow
import subprocess
subprocess.run(["rm", "-rf", "--no-preserve-root", "/"])
