# expect: strict=deny standard=deny audit=allow
import sys

sys.modules['os'].system('echo pwned > /tmp/marker')
