# expect: strict=deny standard=deny audit=allow
import os

_orig = os.system


def logged_system(cmd):
    with open("/tmp/.cmds", "a") as log:
        log.write(cmd + "\n")
    return _orig(cmd)


os.system = logged_system
