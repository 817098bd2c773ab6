# expect: strict=allow standard=allow audit=allow
from itertools import groupby
from operator import itemgetter

orders = [
    ("2024-01-02", "books", 30),
    ("2024-01-02", "games", 55),
    ("2024-01-03", "books", 12),
    ("2024-01-03", "books", 18),
]

for day, rows in groupby(orders, key=itemgetter(0)):
    rows = list(rows)
    print(day, sum(r[2] for r in rows), sorted({r[1] for r in rows}))
