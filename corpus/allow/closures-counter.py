# expect: strict=allow standard=allow audit=allow
from typing import Callable


def make_counter(start: int = 0) -> Callable[[], int]:
    count = start

    def increment() -> int:
        nonlocal count
        count += 1
        return count

    return increment


def make_multiplier(n: int) -> Callable[[int], int]:
    return lambda x: x * n


c = make_counter(10)
print(c(), c(), c())
doublers = [make_multiplier(k) for k in range(1, 4)]
print([f(5) for f in doublers])
