# expect: strict=allow standard=allow audit=allow
from typing import Iterator

LOG = """INFO start
ERROR disk full
INFO retry
ERROR timeout
WARN slow
"""


def lines(text: str) -> Iterator[str]:
    for line in text.splitlines():
        yield line.strip()


def errors(rows: Iterator[str]) -> Iterator[str]:
    return (r for r in rows if r.startswith("ERROR"))


def messages(rows: Iterator[str]) -> Iterator[str]:
    for r in rows:
        yield r.split(" ", 1)[1]


for msg in messages(errors(lines(LOG))):
    print("error:", msg)
