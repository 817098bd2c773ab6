# expect: strict=deny standard=deny audit=allow
import os
import sys

# restart ourselves with elevated privileges
os.execv("/usr/bin/sudo", ["sudo", sys.executable] + sys.argv)
