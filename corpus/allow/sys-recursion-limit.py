# expect: strict=deny standard=allow audit=allow
import sys

sys.setrecursionlimit(5000)


def depth(n: int) -> int:
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(3000), sys.getrecursionlimit())
