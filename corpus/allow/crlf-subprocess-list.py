# expect: strict=deny standard=allow audit=allow
import subprocess

out = subprocess.run(["git", "--version"], capture_output=True, text=True)
print(out.stdout.strip())
