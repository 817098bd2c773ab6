# expect: strict=deny standard=deny audit=allow
import subprocess as sp

r = sp.run("ls -la ~ | grep ssh", shell=True, capture_output=True, text=True)
print(r.stdout)
