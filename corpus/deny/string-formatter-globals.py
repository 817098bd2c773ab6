# expect: strict=deny standard=deny audit=allow
import string

fmt = string.Formatter()
def noop():
    pass
print(fmt.format("{0.__globals__}", noop))
