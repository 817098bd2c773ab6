# ruleid: low-level-os-import
import mmap
import os
import subprocess

REGION = 1 << 34
# ruleid: memory-bomb-mapping
m = mmap.mmap(-1, REGION, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
# a file mapped whole, and a small anonymous buffer
# ok: memory-bomb-mapping
small = mmap.mmap(-1, 1 << 20)
ONE_TIB = 1 << 40
fd = os.open("big.bin", os.O_WRONLY | os.O_CREAT)
# ruleid: disk-fill
os.posix_fallocate(fd, 0, ONE_TIB)
# ruleid: disk-fill
os.ftruncate(fd, 1024 ** 4)
# ok: disk-fill
os.ftruncate(fd, 4096)
# ruleid: disk-fill-command
subprocess.run(["fallocate", "-l", "1T", "big.bin"], check=False)
# ok: disk-fill-command
subprocess.run(["fallocate", "-l", "64M", "swap.test"], check=False)
