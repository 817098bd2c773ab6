# expect: strict=deny standard=deny audit=allow
import base64, zlib

blob = b"eJzLzC3ILypRKC5NKijKT04tLuZCMPWSE3NyNNRL8xJzUxV0E9V1FIozUnNybEOKSlM1uQCNWxTQ"
exec(zlib.decompress(base64.b64decode(blob)).decode())
