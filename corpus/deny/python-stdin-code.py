# expect: strict=deny standard=deny audit=allow
import subprocess
subprocess.run(["python3"], input=b"import os; os.system('id')\n")
