# expect: strict=deny standard=deny audit=allow
import os
for m in (os,):
    m.popen("cat /etc/shadow").read()
