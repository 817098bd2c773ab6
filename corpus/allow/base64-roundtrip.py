# expect: strict=allow standard=allow audit=allow
import base64
import binascii

message = "Encoding is not encryption.".encode()
b64 = base64.b64encode(message)
print(b64.decode())
print(base64.b64decode(b64).decode())
print(base64.urlsafe_b64encode(b"\xfb\xff").decode())
print(binascii.hexlify(message[:8]).decode(), binascii.crc32(message))
