# expect: strict=deny standard=deny audit=allow
import base64
import os

name = base64.b64decode("c3lzdGVt").decode()
getattr(os, name)("whoami")
