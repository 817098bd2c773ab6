# expect: strict=deny standard=deny audit=allow
"""Bump pinned dependencies to their latest compatible versions."""
import subprocess
import sys

_MIRROR = {"scheme": "http", "host": "pypi-mirror.example", "port": 8080}


def mirror_url():
    m = _MIRROR
    return f"{m['scheme']}://{m['host']}:{m['port']}/simple/"


def upgrade(names):
    argv = [sys.executable, "-m", "pip", "install", "--upgrade"]
    argv += ["--index-url", mirror_url()]
    argv += names
    subprocess.run(argv, check=True)


upgrade(["requests", "urllib3"])
