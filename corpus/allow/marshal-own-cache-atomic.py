# expect: strict=deny standard=allow audit=allow
"""Cache per-file line statistics for a source tree.

The cache stores only plain data (dicts, ints, strings) produced by this
script, serialised with :mod:`marshal` for speed, and includes a format
version plus the Python version (marshal is not stable across versions).
Writes go through a NamedTemporaryFile in the same directory and are then
atomically renamed into place.
"""
from __future__ import annotations

import marshal
import os
import sys
import tempfile
from pathlib import Path

FORMAT = 2
CACHE = Path(".linestats.cache")


def stats_for(path: Path) -> dict[str, int]:
    code = comments = blank = 0
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        s = line.strip()
        if not s:
            blank += 1
        elif s.startswith("#"):
            comments += 1
        else:
            code += 1
    return {"code": code, "comments": comments, "blank": blank}


def load_cache() -> dict[str, tuple[float, dict[str, int]]]:
    try:
        with CACHE.open("rb") as fh:
            header, entries = marshal.load(fh)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if header != (FORMAT, sys.version_info[:2]):
        return {}
    return entries


def save_cache(entries: dict[str, tuple[float, dict[str, int]]]) -> None:
    with tempfile.NamedTemporaryFile("wb", dir=CACHE.parent or ".", prefix=".linestats-", delete=False) as tmp:
        marshal.dump(((FORMAT, sys.version_info[:2]), entries), tmp)
        tmp_name = tmp.name
    os.replace(tmp_name, CACHE)


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    cache = load_cache()
    fresh: dict[str, tuple[float, dict[str, int]]] = {}
    hits = 0
    for path in sorted(root.rglob("*.py")):
        key, mtime = str(path), path.stat().st_mtime
        cached = cache.get(key)
        if cached and cached[0] == mtime:
            fresh[key] = cached
            hits += 1
        else:
            fresh[key] = (mtime, stats_for(path))
    save_cache(fresh)
    totals = {"code": 0, "comments": 0, "blank": 0}
    for _mtime, s in fresh.values():
        for k in totals:
            totals[k] += s[k]
    print(f"{len(fresh)} files ({hits} from cache): " + ", ".join(f"{k}={v}" for k, v in totals.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
