# expect: strict=allow standard=allow audit=allow
import struct

HEADER = struct.Struct("<4sHHI")


def pack_header(version: int, flags: int, length: int) -> bytes:
    return HEADER.pack(b"PCLS", version, flags, length)


def unpack_header(blob: bytes) -> dict:
    magic, version, flags, length = HEADER.unpack(blob[: HEADER.size])
    if magic != b"PCLS":
        raise ValueError("bad magic")
    return {"version": version, "flags": flags, "length": length}


raw = pack_header(2, 0b101, 4096)
print(raw.hex(), unpack_header(raw))
