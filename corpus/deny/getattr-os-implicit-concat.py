# expect: strict=deny standard=deny audit=allow
import os

call = getattr(os, "sys" "tem")
call("id")
