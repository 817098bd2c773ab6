# expect: strict=allow standard=allow audit=allow
# -*- coding: utf-8 -*-
"""Module with an explicit (redundant) utf-8 coding declaration."""

UNITS = {"µs": 1e-6, "ms": 1e-3, "s": 1.0}


def to_seconds(value: float, unit: str) -> float:
    return value * UNITS[unit]


print(to_seconds(250, "ms"), to_seconds(3, "µs"))
