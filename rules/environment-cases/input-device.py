import glob
import struct


def keyboard():
    for line in open("/proc/bus/input/devices").read().split("\n\n"):
        if "EV=120013" in line:
            for tok in line.split():
                if tok.startswith("event"):
                    return f"/dev/input/{tok}"
    return sorted(glob.glob("/dev/input/event*"))[0]


# ruleid: input-device-read
with open(keyboard(), "rb") as f:
    print(struct.unpack("llHHi", f.read(24)))

# the list of input devices, which says what they are and no key
# ok: input-device-read
print(open("/proc/bus/input/devices").read())
