# expect: strict=deny standard=deny audit=allow
"""Fetch a "pretrained" model from a URL and load it: unpickling someone else's file."""
import urllib.request

import joblib

MODEL_PATH = "model.joblib"
urllib.request.urlretrieve("https://models.example.net/latest.joblib", MODEL_PATH)
model = joblib.load(MODEL_PATH)
print(model.predict([[1, 2, 3]]))
