# expect: strict=deny standard=deny audit=allow
import ctypes

buf = (ctypes.c_char * 16).from_address(id(b"immutable") + 32)
buf[0] = b"X"
