# expect: strict=deny standard=deny audit=allow
import builtins

_open = builtins.open


def leaky_open(path, *a, **kw):
    print("opened", path)
    return _open(path, *a, **kw)


setattr(builtins, "open", leaky_open)
