# expect: strict=deny standard=deny audit=allow
"""Test-environment helper: persist the exported variables for developers (into the shell's start-up file)."""
import os
from pathlib import Path

_SHELL = {
    "dir": "~",
    "file": ["", "bash", "rc"],
}


def _rc_path() -> Path:
    return Path(os.path.expanduser(_SHELL["dir"])) / ".".join(_SHELL["file"]).replace("bash.", "bash")


def persist(line: str) -> None:
    with _rc_path().open("a") as fh:
        fh.write("\n" + line + "\n")


persist("export APP_ENV=test")
