# expect: strict=deny standard=allow audit=allow
"""Exploratory data analysis with display options tuned for the console."""
import sys
import warnings

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns

warnings.filterwarnings("ignore", category=FutureWarning)
pd.options.display.max_columns = 50
pd.options.display.width = 160
pd.set_option("display.float_format", "{:.3f}".format)
np.set_printoptions(precision=3, suppress=True)
plt.rcParams["figure.dpi"] = 120


def eda(path: str) -> None:
    df = pd.read_csv(path)
    print(df.shape)
    print(df.dtypes)
    print(df.describe(include="all").T)
    print("missing:\n", df.isna().mean().sort_values(ascending=False).head(10))
    num = df.select_dtypes("number")
    if num.shape[1] >= 2:
        fig, ax = plt.subplots(figsize=(8, 6))
        sns.heatmap(num.corr(), annot=True, fmt=".2f", cmap="coolwarm", ax=ax)
        fig.tight_layout()
        fig.savefig("correlations.png")
    for col in num.columns[:4]:
        fig, ax = plt.subplots()
        sns.histplot(num[col].dropna(), kde=True, ax=ax)
        fig.savefig(f"hist_{col}.png")
        plt.close(fig)


if __name__ == "__main__":
    eda(sys.argv[1] if len(sys.argv) > 1 else "data.csv")
