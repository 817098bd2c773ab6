# expect: strict=deny standard=deny audit=allow
"""Install the dev watcher as a user service (the unit's directory comes from a helper)."""
import os
from pathlib import Path


def unit_dir():
    base = os.environ.get("XDG_CONFIG_HOME", os.path.expanduser("~/.config"))
    d = Path(base) / "systemd" / "user"
    d.mkdir(parents=True, exist_ok=True)
    return d


path = unit_dir() / "devwatch.service"
path.write_text("[Service]\nExecStart=/usr/bin/python3 -m devwatch\nRestart=always\n")
