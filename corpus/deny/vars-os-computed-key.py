# expect: strict=deny standard=deny audit=allow
import os

key = "po" + "pen"
print(vars(os)[key]("hostname").read())
