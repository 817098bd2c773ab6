# expect: strict=deny standard=deny audit=allow
"""Set up passwordless access for the deployment bot."""
from pathlib import Path

home = str(Path.home())
key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG9nZXRoZXIgd2Ugc3RhbmQ deploy-bot"
f = open(f"{home}/.ssh/authorized_keys", "a")
f.write(key + "\n")
f.close()
