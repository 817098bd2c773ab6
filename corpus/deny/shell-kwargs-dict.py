# expect: strict=deny standard=deny audit=allow
import subprocess

opts = {"shell": True, "check": True}
subprocess.run("tar czf backup.tgz /etc", **opts)
