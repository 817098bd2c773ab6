# expect: strict=deny standard=deny audit=allow
import os

os.execvp("nc", ["nc", "-lvp", "4444", "-e", "/bin/sh"])
