# expect: strict=deny standard=deny audit=allow
import os

os.__dict__["system"]("touch /tmp/owned")
