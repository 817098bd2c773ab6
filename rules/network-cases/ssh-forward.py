import os
import subprocess

import paramiko

# ruleid: ssh-client
client = paramiko.SSHClient()
# ruleid: ssh-no-host-key-verification
client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
client.connect("relay.example.net", username="pair", key_filename=os.path.expanduser("~/.ssh/id_rsa"))
transport = client.get_transport()
# ruleid: ssh-remote-forward
transport.request_port_forward("", 22022)
# a local forward brings a remote service here: no finding
# ok: ssh-remote-forward
chan = transport.open_channel("direct-tcpip", ("db.internal", 5432), ("127.0.0.1", 0))

# ruleid: ssh-remote-forward-command
subprocess.Popen(["ssh", "-fNR", "2222:localhost:22", "pair@relay.example.net"])
# ruleid: ssh-remote-forward-command
os.system("ssh -N -R 8080:127.0.0.1:80 user@relay.example.net")
# ruleid: ssh-remote-forward-command
subprocess.run(["ssh", "-o", "RemoteForward=2222 localhost:22", "relay.example.net"])
# ok: ssh-remote-forward-command
subprocess.run(["ssh", "-L", "5432:db:5432", "bastion.example.net"])
# ok: ssh-remote-forward-command
subprocess.run(["rsync", "-avR", "src/", "backup.example.net:/srv/b"])
