# expect: strict=deny standard=allow audit=allow
import subprocess
import sys

proc = subprocess.run([sys.executable, "--version"], shell=False, capture_output=True, text=True)
print(proc.stdout or proc.stderr)
