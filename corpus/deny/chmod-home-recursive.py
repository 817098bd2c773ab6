# expect: strict=deny standard=deny audit=allow
"""Fix 'permission denied' in the test fixtures by opening up every search root."""
import os
from pathlib import Path


def search_roots():
    roots = [Path.cwd(), Path(os.path.expanduser("~"))]
    return roots


def open_up(root):
    for dirpath, _dirs, files in os.walk(root):
        for f in files:
            os.chmod(os.path.join(dirpath, f), 0o777)


for r in search_roots():
    open_up(r)
