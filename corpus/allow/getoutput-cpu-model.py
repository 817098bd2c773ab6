# expect: strict=deny standard=deny audit=allow
import subprocess

print(subprocess.getoutput("cat /proc/cpuinfo | grep 'model name' | head -1"))
