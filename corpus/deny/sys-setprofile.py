# expect: strict=deny standard=deny audit=allow
import sys


def prof(frame, event, arg):
    if event == "c_call":
        frame.f_globals.setdefault("_seen", []).append(arg)


sys.setprofile(prof)
