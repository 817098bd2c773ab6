# expect: strict=deny standard=deny audit=allow
import os
import pickle

CACHE = "cache.pkl"


def load_cache():
    if os.path.exists(CACHE):
        with open(CACHE, "rb") as fh:
            return pickle.load(fh)
    return {}


print(len(load_cache()))
