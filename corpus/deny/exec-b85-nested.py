# expect: strict=deny standard=deny audit=allow
import base64

exec(base64.b85decode(b"Wq4&{C?aWXaBp&SAaHbfJ8*P)E^}~UcWx*rFJftKFLP)oDIzH"))
