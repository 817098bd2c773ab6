# expect: strict=allow standard=allow audit=allow
"""Written on Windows: CRLF line endings."""
import json


def merge(a: dict, b: dict) -> dict:
    out = dict(a)
    for key, value in b.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


base = {"db": {"host": "localhost", "port": 5432}, "debug": False}
override = {"db": {"port": 6543}, "debug": True}
print(json.dumps(merge(base, override), indent=2))
