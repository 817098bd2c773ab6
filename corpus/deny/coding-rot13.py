# expect: strict=deny standard=deny audit=allow
# coding: rot13
cevag('uryyb')
