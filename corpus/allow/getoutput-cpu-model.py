# expect: strict=deny standard=allow audit=allow
import subprocess

print(subprocess.getoutput("cat /proc/cpuinfo | grep 'model name' | head -1"))
