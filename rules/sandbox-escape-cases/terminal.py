# ruleid: low-level-os-import
import fcntl
import glob
import os
import sys
# ruleid: low-level-os-import
import termios

# characters pushed into the terminal's input, run by the shell afterwards
for ch in "id\n":
    # ruleid: terminal-input-injection
    fcntl.ioctl(sys.stdin, termios.TIOCSTI, ch)
# ruleid: terminal-input-injection
fcntl.ioctl(0, 0x5412, b"x")

# other people's terminals
for pts in glob.glob("/dev/pts/[0-9]*"):
    # ruleid: terminal-device-write
    fd = os.open(pts, os.O_WRONLY | os.O_NOCTTY)
    os.write(fd, b"\x1b[2J all checks passed\n")

# the program's own terminal: a prompt that bypasses redirected output
# ok: terminal-device-write
with open("/dev/tty", "w") as tty:
    tty.write("continue? ")
# the window size, read
# ok: terminal-input-injection
fcntl.ioctl(sys.stdout, termios.TIOCGWINSZ, b"\0" * 8)
