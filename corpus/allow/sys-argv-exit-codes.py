# expect: strict=deny standard=allow audit=allow
import sys


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print("usage: sum.py N [N ...]", file=sys.stderr)
        return 2
    try:
        print(sum(float(a) for a in argv[1:]))
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
