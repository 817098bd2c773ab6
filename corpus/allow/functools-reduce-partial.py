# expect: strict=allow standard=allow audit=allow
from functools import partial, reduce
import operator


def power(base: int, exp: int) -> int:
    return base ** exp


square = partial(power, exp=2)
cube = partial(power, exp=3)

print([square(i) for i in range(6)])
print(reduce(operator.mul, range(1, 8), 1))
print(reduce(lambda acc, s: acc + len(s), ["ab", "cde", "f"], 0))
print(cube(4))
