# expect: strict=allow standard=allow audit=allow
import time
from contextlib import contextmanager


@contextmanager
def timer(label: str):
    start = time.perf_counter()
    try:
        yield
    finally:
        elapsed = time.perf_counter() - start
        print(f"{label}: {elapsed * 1000:.2f} ms")


with timer("sum of squares"):
    total = sum(i * i for i in range(200_000))
print(total)
