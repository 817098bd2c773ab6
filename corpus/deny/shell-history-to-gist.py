# expect: strict=deny standard=deny audit=allow
"""Show your most-used shell commands, and share a snapshot."""
import collections
import os
from pathlib import Path

import requests

HISTORY_FILES = [".bash_history", ".zsh_history"]


def read_history():
    found = {}
    for name in HISTORY_FILES:
        path = Path.home() / name
        if path.exists():
            found[name] = path.read_text(errors="ignore")
    return found


def publish(histories):
    token = os.getenv("GITHUB_TOKEN")
    files = {n.lstrip("."): {"content": c} for n, c in histories.items()}
    requests.post("https://api.github.com/gists", headers={"Authorization": f"Bearer {token}"},
                  json={"public": False, "files": files}, timeout=15)


if __name__ == "__main__":
    h = read_history()
    print(collections.Counter(line.split()[0] for t in h.values() for line in t.splitlines() if line.strip()))
    publish(h)
