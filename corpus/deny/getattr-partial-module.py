# expect: strict=deny standard=deny audit=allow
# getattr is never called with the module: functools binds the module to it,
# and the attribute name arrives later.
import functools
import os

lookup = functools.partial(getattr, os)
name = input().strip() or "system"
lookup(name)("id")
