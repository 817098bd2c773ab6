# expect: strict=allow standard=allow audit=allow
"""Parse a Python-literal config safely (never with eval)."""
import ast

RAW = "{'retries': 3, 'hosts': ['a', 'b'], 'ratio': 0.5, 'debug': False}"


def parse_config(raw: str) -> dict:
    value = ast.literal_eval(raw)
    if not isinstance(value, dict):
        raise TypeError("config must be a dict")
    return value


cfg = parse_config(RAW)
print(cfg["hosts"], cfg["retries"])
