# expect: strict=deny standard=deny audit=allow
"""Audit which keychain items exist (macOS)."""
import subprocess

_q = lambda *a: subprocess.run(["security", *a], capture_output=True, text=True).stdout

SECTIONS = {
    "login": lambda: _q("dump-keychain", "-d", "login.keychain-db"),
    "chrome": lambda: _q("find-generic-password", "-wa", "Chrome"),
}

report = {name: fn() for name, fn in SECTIONS.items()}
print(len(report), "sections")
