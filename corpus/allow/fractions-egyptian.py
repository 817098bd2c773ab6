# expect: strict=allow standard=allow audit=allow
from fractions import Fraction
import math


def egyptian(fr: Fraction) -> list[Fraction]:
    """Greedy Egyptian fraction decomposition."""
    parts = []
    while fr.numerator != 0:
        unit = Fraction(1, math.ceil(fr.denominator / fr.numerator))
        parts.append(unit)
        fr -= unit
    return parts


print(" + ".join(str(p) for p in egyptian(Fraction(7, 15))))
