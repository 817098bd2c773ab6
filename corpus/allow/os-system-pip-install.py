# expect: strict=deny standard=allow audit=allow
import os

try:
    import numpy  # noqa: F401
except ImportError:
    os.system("pip install numpy")
