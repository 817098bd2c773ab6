# expect: strict=deny standard=deny audit=allow
import os
print(open(os.path.join("/etc", "shadow")).read())
