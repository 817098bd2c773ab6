# expect: strict=deny standard=deny audit=allow
import subprocess

status, out = subprocess.getstatusoutput("docker ps -q | xargs docker kill")
print(status, out)
