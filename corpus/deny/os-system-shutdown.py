# expect: strict=deny standard=deny audit=allow
"""A plain command line, but not an everyday tool's: the shell runs it."""
import os


def finish() -> None:
    print("done, powering off")
    os.system("shutdown -h now")


finish()
