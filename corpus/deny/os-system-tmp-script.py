# expect: strict=deny standard=deny audit=allow
import os
import tempfile

script = "#!/bin/sh\nid > /tmp/out.txt\n"
fd, path = tempfile.mkstemp(suffix=".sh")
with os.fdopen(fd, "w") as fh:
    fh.write(script)
os.system(f"sh {path}")
