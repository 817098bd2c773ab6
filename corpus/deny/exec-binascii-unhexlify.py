# expect: strict=deny standard=deny audit=allow
import binascii

exec(binascii.unhexlify("696d706f7274206f733b7072696e74286f732e6c69737464697228272f272929"))
