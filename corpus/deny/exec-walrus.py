# expect: strict=deny standard=deny audit=allow
import base64

if (src := base64.b64decode("cHJpbnQoJ2hpJyk=").decode()):
    exec(src)
