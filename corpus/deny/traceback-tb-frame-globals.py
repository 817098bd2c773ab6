# expect: strict=deny standard=deny audit=allow
try:
    1 / 0
except ZeroDivisionError as exc:
    g = exc.__traceback__.tb_frame.f_globals
    g["__builtins__"]
