# expect: strict=allow standard=allow audit=allow
"""Temperature conversion table."""

from __future__ import annotations


def c_to_f(c: float) -> float:
    return c * 9 / 5 + 32


def table(start: int, stop: int, step: int) -> list[tuple[int, float]]:
    return [(c, c_to_f(c)) for c in range(start, stop + 1, step)]


def main() -> int:
    for c, f in table(-20, 40, 10):
        print(f"{c:>4} °C = {f:6.1f} °F")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
