# expect: strict=deny standard=allow audit=allow
import os
import signal
import subprocess
import time

proc = subprocess.Popen(["sleep", "10"])
time.sleep(0.1)
os.kill(proc.pid, signal.SIGTERM)
proc.wait()
print(proc.returncode)
