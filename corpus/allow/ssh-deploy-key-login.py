# expect: strict=deny standard=allow audit=allow
"""Restart the app on the user's own build server over SSH, logging in with
the user's key (never read by this script)."""
import argparse
import os

import paramiko

parser = argparse.ArgumentParser()
parser.add_argument("host")
parser.add_argument("--user", default="deploy")
parser.add_argument("--key", default=os.path.expanduser("~/.ssh/id_ed25519"))
args = parser.parse_args()

client = paramiko.SSHClient()
client.load_system_host_keys()
client.set_missing_host_key_policy(paramiko.RejectPolicy())
client.connect(args.host, username=args.user, key_filename=args.key, timeout=10)
try:
    _, stdout, stderr = client.exec_command("systemctl --user restart app", timeout=30)
    print(stdout.read().decode() or "restarted")
finally:
    client.close()
