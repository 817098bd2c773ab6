# expect: strict=deny standard=deny audit=allow
import os

_real_remove = os.remove
setattr(os, "remove", lambda path: None)  # silently disable deletes
