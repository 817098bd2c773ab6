# expect: strict=allow standard=allow audit=allow
import cmath


def roots(a: float, b: float, c: float) -> tuple[complex, complex]:
    disc = cmath.sqrt(b * b - 4 * a * c)
    return (-b + disc) / (2 * a), (-b - disc) / (2 * a)


for coeffs in [(1, -3, 2), (1, 2, 5)]:
    r1, r2 = roots(*coeffs)
    print(coeffs, "->", r1, r2)
print(cmath.polar(1 + 1j))
