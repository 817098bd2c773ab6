# expect: strict=allow standard=allow audit=allow
"""Merge configuration overrides into frozen settings."""
from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class Settings:
    theme: str = "light"
    width: int = 80


def merged(base, section):
    known = {f.name for f in fields(Settings)}
    return replace(base, **{k: v for k, v in section.items() if k in known})


print(merged(Settings(), {"width": 100, "unknown": 1}))
