import subprocess
import sys

FORKS = {"requests": "git+https://mirror.example/requests.git@hotfix"}


def requirement_for(name):
    if name in FORKS:
        return FORKS[name]
    return name


reqs = [requirement_for(n) for n in ("requests", "idna")]
cmd = [sys.executable, "-m", "pip", "install", "--upgrade", *reqs]
# ruleid: package-install-untrusted-source-built, subprocess-call
subprocess.check_call(cmd)

# requirements built from a pinned list of names
PINS = ["requests==2.32.3", "idna==3.7"]
wanted = [p for p in PINS if not p.startswith("#")]
# ok: package-install-untrusted-source-built
# ruleid: subprocess-call
subprocess.check_call([sys.executable, "-m", "pip", "install", *wanted])
