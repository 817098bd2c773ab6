# expect: strict=allow standard=allow audit=allow
import math


def sieve(limit: int) -> list[int]:
    is_prime = [True] * (limit + 1)
    is_prime[0:2] = [False, False]
    for i in range(2, math.isqrt(limit) + 1):
        if is_prime[i]:
            is_prime[i * i :: i] = [False] * len(range(i * i, limit + 1, i))
    return [i for i, p in enumerate(is_prime) if p]


primes = sieve(100)
print(primes)
print("gcd/lcm:", math.gcd(84, 36), math.lcm(4, 6))
