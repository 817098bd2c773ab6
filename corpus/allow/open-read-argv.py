# expect: strict=deny standard=allow audit=allow
import sys


def head(path: str, n: int = 5) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        return [next(fh, "").rstrip("\n") for _ in range(n)]


if __name__ == "__main__":
    for line in head(sys.argv[1] if len(sys.argv) > 1 else "README.md"):
        print(line)
