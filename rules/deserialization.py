# Tests for rules/deserialization.yaml. A "# ruleid: X" line means the next
# line must produce rule X; "# ok: X" means it must not.
import json
import marshal
import multiprocessing.connection
import pickle
import shelve
import sys

import dill
import joblib
import jsonpickle
import keras
import numpy as np
import pandas as pd
import torch
import yaml
from ruamel.yaml import YAML
from yaml import Loader as UnsafeYamlLoader

blob = open("data.bin", "rb").read()

# ruleid: pickle-load
obj = pickle.loads(blob)
# ruleid: pickle-load
obj = pickle.load(open("model.pkl", "rb"))
# ruleid: pickle-load
unpickler = pickle.Unpickler(open("model.pkl", "rb"))
# ruleid: pickle-load
obj = dill.loads(blob)
# ruleid: pickle-load
loader = pickle.loads
# ok: pickle-load
payload = pickle.dumps({"a": 1})
# ok: pickle-load
data = json.loads('{"a": 1}')

# ruleid: pickle-based-loader
frame = pd.read_pickle("frame.pkl")
# ruleid: pickle-based-loader
estimator = joblib.load("model.joblib")
# ok: pickle-based-loader
frame = pd.read_csv("frame.csv")

# A model or cache the program saves itself, then reads back (paths that
# fold to the same string, wherever the save is in the file):
MODEL_PATH = "models/churn.joblib"
# ruleid: pickle-based-loader-own-file
estimator = joblib.load(MODEL_PATH)
# ruleid: pickle-based-loader-own-file
estimator = joblib.load("models/" + "churn.joblib")
joblib.dump(estimator, MODEL_PATH)
frame.to_pickle(path="cache/frame.pkl")
# ruleid: pickle-based-loader-own-file
frame = pd.read_pickle("cache/frame.pkl")
# ruleid: pickle-based-loader
frame = pd.read_pickle("cache/other.pkl")
# ruleid: pickle-based-loader
estimator = joblib.load(sys.argv[1])


def save(model, path):
    joblib.dump(model, path)  # a parameter: names no file of its own


# ruleid: pickle-based-loader
estimator = joblib.load("uploaded.joblib")

# A pickle the program downloads, even under a name it also saves to:
import urllib.request  # noqa: E402

joblib.dump(estimator, "fetched.joblib")
urllib.request.urlretrieve("https://example.net/m.joblib", "fetched.joblib")
# ruleid: pickle-based-loader-downloaded, pickle-based-loader-own-file
estimator = joblib.load("fetched.joblib")

# Bytes put there by other means are not the program's own pickle:
joblib.dump(estimator, "swapped.joblib")
open("swapped.joblib", "wb").write(blob)
# ruleid: pickle-based-loader-overwritten, pickle-based-loader-own-file
estimator = joblib.load("swapped.joblib")


class Fake:
    def to_pickle(self, path):  # the program's own method writes nothing known
        pass


Fake().to_pickle("fake.pkl")
# ruleid: pickle-based-loader
frame = pd.read_pickle("fake.pkl")

# ruleid: shelve-open
db = shelve.open("state.db")

# ruleid: marshal-load
code = marshal.loads(blob)
# ok: marshal-load
raw = marshal.dumps(1)

# ruleid: jsonpickle-decode
obj = jsonpickle.decode('{"py/object": "os.system"}')
# ok: jsonpickle-decode
text = jsonpickle.encode(obj)

# ruleid: yaml-load-no-loader
config = yaml.load(open("config.yaml"))
# ruleid: yaml-load-no-loader
docs = list(yaml.load_all("a: 1"))
# ruleid: yaml-unsafe-load
config = yaml.load(open("config.yaml"), Loader=yaml.Loader)
# ruleid: yaml-unsafe-load
config = yaml.load("a: 1", UnsafeYamlLoader)
# ruleid: yaml-unsafe-load
config = yaml.unsafe_load("a: 1")
# ruleid: yaml-full-load
config = yaml.full_load("a: 1")
# ruleid: yaml-full-load
config = yaml.load("a: 1", Loader=yaml.FullLoader)
# ok: yaml-load-no-loader, yaml-unsafe-load, yaml-full-load
config = yaml.load("a: 1", Loader=yaml.SafeLoader)
# ok: yaml-load-no-loader, yaml-unsafe-load, yaml-full-load
config = yaml.safe_load("a: 1")

# ruleid: ruamel-yaml-unsafe
ruamel_loader = YAML(typ="unsafe")
# ok: ruamel-yaml-unsafe
ruamel_loader = YAML(typ="safe")

# ruleid: torch-load-default
state = torch.load("weights.pt")
# ruleid: torch-load-unsafe
state = torch.load("weights.pt", weights_only=False)
# ok: torch-load-default, torch-load-unsafe
state = torch.load("weights.pt", weights_only=True)

# ruleid: torch-hub-load
net = torch.hub.load("someone/repo", "model")

# ruleid: trust-remote-code
model = AutoModel.from_pretrained("org/model", trust_remote_code=True)
# ok: trust-remote-code
model = AutoModel.from_pretrained("org/model", trust_remote_code=False)

# ruleid: numpy-load-allow-pickle
arr = np.load("arr.npy", allow_pickle=True)
# ruleid: numpy-load-allow-pickle
arr = np.load("arr.npy", None, True)
# ok: numpy-load-allow-pickle
arr = np.load("arr.npy")
# ok: numpy-load-allow-pickle
arr = np.load("arr.npy", allow_pickle=False)

# ruleid: keras-unsafe-load
net = keras.models.load_model("model.keras", safe_mode=False)
# ok: keras-unsafe-load
net = keras.models.load_model("model.keras")

# ruleid: multiprocessing-connection
listener = multiprocessing.connection.Listener(("127.0.0.1", 6000))
import pathlib
import shutil
import urllib.request

# a cache the program fills with pickle.dump and reads back
CACHE = "index.pkl"
with open(CACHE, "wb") as out:
    pickle.dump({"docs": 3}, out)
with open(CACHE, "rb") as cached:
    # ok: pickle-load
    # ruleid: pickle-load-own-file
    index = pickle.load(cached)
# ruleid: pickle-load-own-file
index = pickle.loads(pathlib.Path(CACHE).read_bytes())
# the same path built the same way where it is written and where it is read
ENTRY_DIR = pathlib.Path.home() / ".cache" / "trips"
def save_entry(name, obj):
    entry_path = ENTRY_DIR / f"{name}.pkl"
    with entry_path.open("wb") as fh:
        pickle.dump(obj, fh)
def load_entry(name):
    entry_path = ENTRY_DIR / f"{name}.pkl"
    with entry_path.open("rb") as fh:
        # ok: pickle-load
        # ruleid: pickle-load-own-file
        return pickle.load(fh)
def load_other(name):
    other_path = ENTRY_DIR / f"{name}.bin"
    with other_path.open("rb") as fh:
        # ruleid: pickle-load
        # ok: pickle-load-own-file
        return pickle.load(fh)
# a pickle someone else wrote
with open("incoming.pkl", "rb") as other:
    # ruleid: pickle-load
    # ok: pickle-load-own-file
    data = pickle.load(other)
# a file the program downloads, even when it also pickles to that name
urllib.request.urlretrieve("https://models.example/m.pkl", "m.pkl")
pickle.dump({}, open("m.pkl", "wb"))
# ruleid: pickle-load-downloaded, pickle-load-own-file
model = pickle.load(open("m.pkl", "rb"))
# ... or copies onto it
shutil.copy(upload_path, "state.pkl")
pickle.dump({}, open("state.pkl", "wb"))
# ruleid: pickle-load-overwritten, pickle-load-own-file
state = pickle.load(open("state.pkl", "rb"))
# the function handed on: its arguments are not known
# ruleid: pickle-load
loaders = list(map(pickle.loads, blobs))
# ... or writes bytes into it itself
with open("blob.pkl", "wb") as raw:
    raw.write(bytes.fromhex("80049500"))
pickle.dump({}, open("blob.pkl", "wb"))
# ruleid: pickle-load-overwritten, pickle-load-own-file
blob = pickle.load(open("blob.pkl", "rb"))
pathlib.Path("b2.pkl").write_bytes(b"\x80\x04")
pickle.dump({}, open("b2.pkl", "wb"))
# ruleid: pickle-load-overwritten, pickle-load-own-file
b2 = pickle.loads(pathlib.Path("b2.pkl").read_bytes())
# written to a temporary file, then moved into place
import os
def _cached(dest, compute):
    if dest.exists():
        with dest.open("rb") as fh:
            # ok: pickle-load
            # ruleid: pickle-load-own-file
            return pickle.load(fh)
    obj = compute()
    tmp = dest.with_suffix(".tmp")
    with tmp.open("wb") as out:
        pickle.dump(obj, out)
    tmp.replace(dest)
    return obj
# ... and a download moved into place the same way
part = "model.part"
urllib.request.urlretrieve("https://models.example/m2.pkl", part)
os.replace(part, "model2.pkl")
# ruleid: pickle-load, pickle-load-downloaded
model2 = pickle.load(open("model2.pkl", "rb"))
# bytes pickled in memory by the program itself: a deep copy
def _clone(obj):
    blob = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    # ok: pickle-load
    # ruleid: pickle-load-own-file
    return pickle.loads(blob)
# ok: pickle-load
# ruleid: pickle-load-own-file
twin = pickle.loads(pickle.dumps({"a": 1}))
# bytes from elsewhere are not
def _restore(blob):
    # ruleid: pickle-load
    return pickle.loads(blob)
# keywords from a helper that returns a dict display
import torch
def _load_opts():
    return {"map_location": "cpu", "weights_only": False}
# ruleid: torch-load-unsafe
ckpt = torch.load("model.pt", **_load_opts())
def _safe_opts():
    return {"map_location": "cpu", "weights_only": True}
# ok: torch-load-unsafe, torch-load-default
ckpt = torch.load("model.pt", **_safe_opts())
# the atomic-write idiom with mkstemp: the descriptor's file is the temporary name
import tempfile
import requests
def _save_atomic(obj, dest="cache/features.pkl"):
    fd, tmp = tempfile.mkstemp(dir="cache")
    with os.fdopen(fd, "wb") as fh:
        pickle.dump(obj, fh)
    os.replace(tmp, dest)
def _load_atomic(dest="cache/features.pkl"):
    with open(dest, "rb") as fh:
        # ok: pickle-load, pickle-load-overwritten
        # ruleid: pickle-load-own-file
        return pickle.load(fh)
# raw bytes moved into place are still raw bytes
def _fetch_raw(dest="cache/remote.pkl"):
    tmp = dest + ".part"
    with open(tmp, "wb") as out:
        out.write(requests.get("https://models.example/r.pkl", timeout=10).content)
    os.replace(tmp, dest)
with open("cache/remote.pkl", "rb") as _fh:
    # ruleid: pickle-load, pickle-load-overwritten
    _remote = pickle.load(_fh)
# a shelf the program stores into itself: its own cache
def _geocode(city):
    # ruleid: shelve-own-store
    with shelve.open("cache/geocode") as cache:
        if city not in cache:
            cache[city] = (0.0, 0.0)
        return cache[city]
class _Memo:
    def __init__(self, path):
        # ruleid: shelve-own-store
        self.store = shelve.open(path)
    def put(self, key, value):
        self.store[key] = value
# only read: whatever the file holds
# ruleid: shelve-open
_other = shelve.open(sys.argv[1], flag="r")
print(_other.get("x"))
# a shelf seeded with downloaded bytes (dbm adds .db to the name)
from pathlib import Path as _Path
_seed = _Path(".geocache").with_suffix(".db")
_seed.write_bytes(urllib.request.urlopen("http://203.0.113.66/geocache.db").read())
# ruleid: shelve-open-filled
_geo = shelve.open(".geocache")
_geo["x"] = 1
# marshal: the program's own cache, written to a temporary file moved into place
_MCACHE = _Path(".cache/linestats.marshal")
def _save_stats(entries):
    with tempfile.NamedTemporaryFile("wb", dir=".cache", delete=False) as _tmp:
        marshal.dump(entries, _tmp)
        _tmp_name = _tmp.name
    os.replace(_tmp_name, _MCACHE)
def _load_stats():
    with _MCACHE.open("rb") as _mf:
        # ruleid: marshal-load-own-file
        # ok: marshal-load, marshal-load-overwritten
        return marshal.load(_mf)
# the same, with bytes from elsewhere written into it as well
_MCACHE2 = "cache/other.marshal"
_t2 = tempfile.NamedTemporaryFile(delete=False)
marshal.dump({}, _t2)
_t2.write(urllib.request.urlopen("http://203.0.113.66/blob").read())
_t2.close()
os.replace(_t2.name, _MCACHE2)
# ruleid: marshal-load-own-file, marshal-load-overwritten
_other_stats = marshal.load(open(_MCACHE2, "rb"))
# a pickle cache moved into place from a NamedTemporaryFile
_PCACHE = "cache/index.pkl"
_t3 = tempfile.NamedTemporaryFile(delete=False)
pickle.dump({}, _t3)
_t3.close()
os.replace(_t3.name, _PCACHE)
# ruleid: pickle-load-own-file
# ok: pickle-load
_index = pickle.load(open(_PCACHE, "rb"))
