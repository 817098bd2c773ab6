# expect: strict=deny standard=deny audit=allow
import os

def restart_service(name):
    os.system("systemctl restart " + name)

restart_service("nginx")
