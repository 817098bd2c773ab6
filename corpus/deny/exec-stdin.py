# expect: strict=deny standard=deny audit=allow
import sys

exec(sys.stdin.read())
