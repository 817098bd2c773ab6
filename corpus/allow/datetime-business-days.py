# expect: strict=allow standard=allow audit=allow
from datetime import date, timedelta


def business_days(start: date, end: date) -> int:
    """Count weekdays in [start, end)."""
    days = 0
    current = start
    while current < end:
        if current.weekday() < 5:
            days += 1
        current += timedelta(days=1)
    return days


def add_business_days(start: date, n: int) -> date:
    d = start
    while n > 0:
        d += timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


print(business_days(date(2024, 1, 1), date(2024, 2, 1)))
print(add_business_days(date(2024, 1, 5), 3))
