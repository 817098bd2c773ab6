# expect: strict=deny standard=allow audit=allow
"""Compare two ways of joining strings."""
import timeit


def with_join(n=1000):
    return "".join(str(i) for i in range(n))


def with_plus(n=1000):
    s = ""
    for i in range(n):
        s += str(i)
    return s


for name in ("with_join", "with_plus"):
    t = timeit.timeit(f"{name}()", setup=f"from __main__ import {name}", number=200)
    print(f"{name}: {t:.4f}s")
