# expect: strict=deny standard=allow audit=allow
import importlib.util
import sys

def has(mod):
    return importlib.util.find_spec(mod) is not None

for m in ("numpy", "pandas", "torch"):
    print(m, has(m))
print(sys.version)
