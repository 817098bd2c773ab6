# expect: strict=deny standard=allow audit=allow
"""Train a churn model, save it with joblib, and score new customers with it later."""
import sys
from pathlib import Path

import joblib
import pandas as pd
from sklearn.ensemble import RandomForestClassifier

MODEL_PATH = Path("models") / "churn.joblib"


def train(csv_path):
    df = pd.read_csv(csv_path)
    model = RandomForestClassifier(n_estimators=200, random_state=0)
    model.fit(df.drop(columns=["churned"]), df["churned"])
    MODEL_PATH.parent.mkdir(exist_ok=True)
    joblib.dump(model, MODEL_PATH)


def predict(csv_path):
    model = joblib.load(MODEL_PATH)
    df = pd.read_csv(csv_path)
    df["churn_probability"] = model.predict_proba(df)[:, 1]
    df.to_csv("scored.csv", index=False)


if __name__ == "__main__":
    {"train": train, "predict": predict}[sys.argv[1]](sys.argv[2])
