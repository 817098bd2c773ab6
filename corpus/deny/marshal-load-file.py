# expect: strict=deny standard=deny audit=allow
import marshal
import sys

with open(sys.argv[1], "rb") as fh:
    fh.read(16)  # skip pyc header
    code = marshal.load(fh)
