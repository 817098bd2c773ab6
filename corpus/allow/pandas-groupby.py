# expect: strict=deny standard=allow audit=allow
import pandas as pd

df = pd.DataFrame(
    {"team": ["a", "a", "b", "b", "b"], "points": [10, 12, 7, 9, 14]}
)
summary = df.groupby("team")["points"].agg(["mean", "max", "count"])
print(summary)
print(df.query("points > 9"))
