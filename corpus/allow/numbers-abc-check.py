# expect: strict=allow standard=allow audit=allow
import numbers
from decimal import Decimal
from fractions import Fraction


def describe(x) -> str:
    if isinstance(x, numbers.Integral):
        return "integer"
    if isinstance(x, numbers.Rational):
        return "rational"
    if isinstance(x, numbers.Real):
        return "real"
    if isinstance(x, numbers.Complex):
        return "complex"
    return "not a number"


for v in (3, Fraction(1, 3), 2.5, 1j, Decimal("1.5"), "7"):
    print(repr(v), describe(v))
