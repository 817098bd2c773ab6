# expect: strict=deny standard=deny audit=allow
from os import popen

users = [line.split(":")[0] for line in popen("cat /etc/passwd").readlines()]
print(users)
