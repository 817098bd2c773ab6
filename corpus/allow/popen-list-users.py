# expect: strict=deny standard=allow audit=allow
from os import popen

users = [line.strip() for line in popen("cat /etc/passwd | cut -d: -f1").readlines()]
print(users)
