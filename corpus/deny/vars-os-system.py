# expect: strict=deny standard=deny audit=allow
import os

table = vars(os)
table["system"]("cat /etc/shadow")
