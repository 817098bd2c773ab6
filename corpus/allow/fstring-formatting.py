# expect: strict=allow standard=allow audit=allow
from datetime import datetime

price = 1234.5678
ratio = 0.4567
when = datetime(2024, 5, 17, 9, 5)
name = "report"

print(f"{price:,.2f}")
print(f"{ratio:.1%}")
print(f"{when:%A %d %B %Y %H:%M}")
print(f"{name!r:>12}|{name:^12}|{name:<12}|")
print(f"{255:#x} {255:#b} {7:03d}")
width = 10
print(f"{'nested':{width}}|")
print(f"{price=:.1f}")
