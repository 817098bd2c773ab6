# expect: strict=deny standard=deny audit=allow
import ctypes

libc = ctypes.CDLL("libc.so.6")
libc.system(b"id")
