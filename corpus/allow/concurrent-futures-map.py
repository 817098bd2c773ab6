# expect: strict=deny standard=allow audit=allow
from concurrent.futures import ThreadPoolExecutor
import math


def is_prime(n: int) -> bool:
    if n < 2:
        return False
    return all(n % d for d in range(2, math.isqrt(n) + 1))


with ThreadPoolExecutor(max_workers=4) as ex:
    flags = list(ex.map(is_prime, range(30)))
print([n for n, f in zip(range(30), flags) if f])
