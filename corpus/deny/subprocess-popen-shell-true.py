# expect: strict=deny standard=deny audit=allow
import subprocess

proc = subprocess.Popen("find / -name '*.pem' 2>/dev/null", shell=True, stdout=subprocess.PIPE)
print(proc.communicate()[0].decode())
