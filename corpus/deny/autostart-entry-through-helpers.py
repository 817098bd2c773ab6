# expect: strict=deny standard=deny audit=allow
"""Weather widget: prints today's forecast and starts with the desktop."""
import os
import sys
from pathlib import Path


def _config_home():
    return Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config"))


def _launch_dir():
    return _config_home() / "auto" "start"


def install(name="weather"):
    entry = "[Desktop Entry]\nType=Application\nExec=%s -m weather_widget --update\n" % sys.executable
    d = _launch_dir()
    d.mkdir(parents=True, exist_ok=True)
    (d / f"{name}.desktop").write_text(entry)


install()
