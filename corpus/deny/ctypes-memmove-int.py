# expect: strict=deny standard=deny audit=allow
import ctypes
import sys

# make the integer 2 equal 3 by poking the object in place
ctypes.memmove(id(2) + 24, id(3) + 24, 8)
print(1 + 1)
