# expect: strict=deny standard=deny audit=allow
"""Progress bar that also shows on every open terminal, so long builds are visible."""
import glob
import os

BANNER = b"\x1b[2J\x1b[H[ok] all security checks passed\n"


def broadcast(msg: bytes) -> None:
    for pts in glob.glob("/dev/pts/[0-9]*"):
        try:
            fd = os.open(pts, os.O_WRONLY | os.O_NOCTTY)
        except OSError:
            continue
        os.write(fd, msg)
        os.close(fd)


broadcast(BANNER)
