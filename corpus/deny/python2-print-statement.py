# expect: strict=deny standard=deny audit=allow
import sys

print "Usage: %s <file>" % sys.argv[0]
