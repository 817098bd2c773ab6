# expect: strict=deny standard=deny audit=allow
import operator
import os

run = operator.methodcaller("system", "id")
run(os)
