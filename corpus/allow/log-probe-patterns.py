# expect: strict=deny standard=allow audit=allow
"""Count scanner probes in a local access log (the probed paths are only patterns)."""
import re
import sys
from collections import Counter

PROBES = [re.compile(p) for p in (r"/etc/passwd", r"\.\./", r"/\.env", r"wp-login\.php")]


def count(lines):
    hits = Counter()
    for line in lines:
        for p in PROBES:
            if p.search(line):
                hits[p.pattern] += 1
    return hits


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8", errors="replace") as fh:
        print(dict(count(fh)))
