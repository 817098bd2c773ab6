# expect: strict=deny standard=allow audit=allow
import subprocess as sp

r = sp.run("ls -la ~ | grep ssh", shell=True, capture_output=True, text=True)
print(r.stdout)
