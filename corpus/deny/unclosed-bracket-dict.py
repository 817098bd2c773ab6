# expect: strict=deny standard=deny audit=allow
DEFAULTS = {
    "retries": 3,
    "timeout": 10,

def get(key):
    return DEFAULTS[key]
