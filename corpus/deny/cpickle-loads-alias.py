# expect: strict=deny standard=deny audit=allow
from pickle import loads as deserialize
import base64

session = deserialize(base64.b64decode(input("session cookie: ")))
print(session)
