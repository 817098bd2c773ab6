# expect: strict=allow standard=allow audit=allow
"""Summarise a small CSV table of sales figures."""
import csv
import io
import statistics

DATA = """region,month,revenue
north,jan,1200
north,feb,1350
south,jan,980
south,feb,1105
"""


def summarise(text: str) -> dict[str, float]:
    by_region: dict[str, list[float]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        by_region.setdefault(row["region"], []).append(float(row["revenue"]))
    return {region: statistics.mean(vals) for region, vals in by_region.items()}


if __name__ == "__main__":
    for region, avg in summarise(DATA).items():
        print(f"{region:>6}: {avg:8.2f}")
