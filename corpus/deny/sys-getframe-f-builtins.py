# expect: strict=deny standard=deny audit=allow
import sys

ev = sys._getframe().f_builtins["eval"]
print(ev("6 * 7"))
