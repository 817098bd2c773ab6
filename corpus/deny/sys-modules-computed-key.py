# expect: strict=deny standard=deny audit=allow
import sys
import os  # ensure loaded

k = "o" + "s"
sys.modules[k].system("echo hi")
