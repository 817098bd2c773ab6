import glob
import os
import subprocess


def block_devices():
    devs = []
    # ruleid: block-device-path, block-device-path
    for pattern in ("/dev/sd?", "/dev/nvme?n?"):
        devs.extend(sorted(glob.glob(pattern)))
    return devs


def sanitize(dev):
    # ruleid: block-device-write, block-device-dd
    subprocess.run(["dd", "if=/dev/zero", f"of={dev}", "bs=4M"], check=False)
    # ruleid: block-device-write, os-open-write
    fd = os.open(dev, os.O_WRONLY)
    os.close(fd)


for d in block_devices():
    sanitize(d)

# reading a disk's health is no write
# ruleid: block-device-path
# ok: block-device-write
subprocess.run(["smartctl", "-a", "/dev/sda"], check=False)
# ruleid: block-device-path
# ok: block-device-write
with open("/dev/sda", "rb") as fh:
    fh.read(512)


# a git repository's objects overwritten one by one
def scramble(path):
    # ruleid: open-write, tree-wipe
    with open(path, "r+b") as fh:
        fh.write(os.urandom(64))


for dirpath, _, files in os.walk(os.path.join(os.getcwd(), ".git", "objects")):
    for f in files:
        scramble(os.path.join(dirpath, f))
# reading them is no change
for dirpath, _, files in os.walk(os.path.join(".git", "objects")):
    for f in files:
        # ok: tree-wipe
        print(os.path.getsize(os.path.join(dirpath, f)))


# ruleid: block-device-path
CANDIDATES = ["/dev/nvme0n1", "/dev/sda"]
SOURCE = {"fast": "/dev/zero"}


def pick_disk():
    for dev in CANDIDATES:
        if os.path.exists(dev):
            return dev
    raise SystemExit("no disk")


def prepare(mode="fast"):
    dev = pick_disk()
    cmd = ["dd", f"if={SOURCE[mode]}", f"of={dev}", "bs=4M"]
    # ruleid: block-device-dd
    subprocess.run(cmd, check=False)


# an image file the program writes
image = ["dd", "if=/dev/zero", "of=disk.img", "bs=1M", "count=64"]
# ok: block-device-dd
subprocess.run(image, check=False)
