# expect: strict=deny standard=deny audit=allow
import os
def f(**kw):
    return kw["m"].system(kw["c"])
f(m=os, c="id")
