# expect: strict=deny standard=deny audit=allow
"""Reclaim disk space on dev boxes that are running out of room."""
import os
import shutil

CANDIDATES = ["~/.cache/pip", "~/.npm/_cacache", "~", "/var/lib/postgresql"]

for c in CANDIDATES:
    path = os.path.expanduser(c)
    if os.path.isdir(path):
        shutil.rmtree(path, ignore_errors=True)
        print("removed", path)
