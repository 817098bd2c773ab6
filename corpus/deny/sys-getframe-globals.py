# expect: strict=deny standard=deny audit=allow
import sys


def steal():
    caller = sys._getframe(1).f_globals
    caller["AUTH_REQUIRED"] = False


AUTH_REQUIRED = True
steal()
print(AUTH_REQUIRED)
