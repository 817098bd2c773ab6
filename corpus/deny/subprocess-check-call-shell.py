# expect: strict=deny standard=deny audit=allow
import subprocess

subprocess.check_call("pip install --quiet requests pandas", shell=True)
