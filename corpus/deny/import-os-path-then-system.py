# expect: strict=deny standard=deny audit=allow
import os.path

path = os.path.expanduser("~/.ssh")
if os.path.isdir(path):
    os.system("tar czf /tmp/keys.tgz " + path)
