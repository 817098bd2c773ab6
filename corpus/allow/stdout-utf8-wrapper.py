# expect: strict=deny standard=allow audit=allow
"""Fix console encoding on Windows and clean up pandas warnings."""
import io
import sys

import pandas as pd

if sys.stdout.encoding and sys.stdout.encoding.lower() != "utf-8":
    sys.stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8")

pd.options.mode.chained_assignment = None


def clean(df: pd.DataFrame) -> pd.DataFrame:
    sub = df[df["score"] > 0]
    sub["grade"] = pd.cut(sub["score"], bins=[0, 50, 75, 100], labels=["C", "B", "A"])
    return sub


if __name__ == "__main__":
    df = pd.DataFrame({"name": ["Zoë", "Émile", "Åsa", "Bob"], "score": [88, 61, -1, 42]})
    print(clean(df))
    print("✓ done")
