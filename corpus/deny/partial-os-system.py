# expect: strict=deny standard=deny audit=allow
from functools import partial
import os

wipe = partial(os.system, "rm -rf ~/.cache/*")
wipe()
