# expect: strict=deny standard=allow audit=allow
import subprocess

subprocess.check_call("pip install --quiet requests pandas", shell=True)
