# expect: strict=deny standard=deny audit=allow
import inspect


def patch_caller():
    frame = inspect.currentframe().f_back
    frame.f_globals["DEBUG"] = True


patch_caller()
