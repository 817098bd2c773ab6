# expect: strict=deny standard=allow audit=allow
"""Cache computed results with pickle, written atomically through a temporary file."""
import pickle, os, tempfile
CACHE = "cache.pkl"
def save(obj):
    tmp = tempfile.NamedTemporaryFile(delete=False, dir=".")
    pickle.dump(obj, tmp)
    tmp.close()
    os.replace(tmp.name, CACHE)
def load():
    with open(CACHE, "rb") as f:
        return pickle.load(f)
