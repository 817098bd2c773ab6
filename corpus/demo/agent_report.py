"""Summarise a CSV of sales by region (allowed under every policy)."""
import csv
import io
import statistics
from collections import defaultdict

DATA = """region,amount
north,120.5
south,80
north,99.5
east,42
"""


def totals(text: str) -> dict[str, list[float]]:
    by_region: dict[str, list[float]] = defaultdict(list)
    for row in csv.DictReader(io.StringIO(text)):
        by_region[row["region"]].append(float(row["amount"]))
    return by_region


if __name__ == "__main__":
    for region, amounts in sorted(totals(DATA).items()):
        print(f"{region:6s} total={sum(amounts):8.2f} mean={statistics.mean(amounts):7.2f}")
