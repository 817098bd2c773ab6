# expect: strict=deny standard=deny audit=allow
import ctypes

secret = "hunter2"
raw = ctypes.string_at(id(secret), 80)
print(raw)
