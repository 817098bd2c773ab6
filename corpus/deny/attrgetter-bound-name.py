# expect: strict=deny standard=deny audit=allow
import operator, os
op = operator.attrgetter("sys" + "tem")
op(os)("id")
