# expect: strict=deny standard=deny audit=allow
import builtins

_real_import = builtins.__import__


def spy_import(name, *args, **kwargs):
    print("importing", name)
    return _real_import(name, *args, **kwargs)


builtins.__import__ = spy_import
