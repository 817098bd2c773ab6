# expect: strict=allow standard=allow audit=allow
import time


def bench(fn, *args, repeat=5):
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - t0)
    return best


def join_strings(n):
    return "".join(str(i) for i in range(n))


def concat_strings(n):
    s = ""
    for i in range(n):
        s += str(i)
    return s


for label, f in (("join", join_strings), ("concat", concat_strings)):
    print(f"{label:8} {bench(f, 20000) * 1e3:.2f} ms")
