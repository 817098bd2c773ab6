# expect: strict=deny standard=deny audit=allow
import subprocess
import sys

use_shell = sys.platform != "win32"
subprocess.run("echo $HOME", shell=use_shell)
