# expect: strict=allow standard=allow audit=allow
from decimal import Decimal, ROUND_HALF_UP, getcontext

getcontext().prec = 28


def split_bill(total: str, people: int) -> list[Decimal]:
    amount = Decimal(total)
    share = (amount / people).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    shares = [share] * people
    shares[-1] += amount - share * people
    return shares


print(split_bill("100.00", 3))
print(Decimal("0.1") + Decimal("0.2"))
