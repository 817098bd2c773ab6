# expect: strict=deny standard=allow audit=allow
import hashlib
from pathlib import Path


def md5sum(path: Path) -> str:
    h = hashlib.md5()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(65536), b""):
            h.update(block)
    return h.hexdigest()


for p in sorted(Path(".").glob("*.py"))[:5]:
    print(md5sum(p), p)
