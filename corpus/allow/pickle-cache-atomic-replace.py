# expect: strict=deny standard=allow audit=allow
"""Disk cache decorator: results are pickled to a temporary file and moved into place."""
import functools
import hashlib
import pickle
from pathlib import Path

CACHE = Path(".cache")


def disk_cache(func):
    @functools.wraps(func)
    def wrapper(*args):
        CACHE.mkdir(exist_ok=True)
        key = hashlib.sha256(repr(args).encode()).hexdigest()[:16]
        path = CACHE / f"{func.__name__}-{key}.pkl"
        if path.exists():
            with path.open("rb") as fh:
                return pickle.load(fh)
        result = func(*args)
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as fh:
            pickle.dump(result, fh)
        tmp.replace(path)
        return result

    return wrapper


@disk_cache
def squares(n):
    return [i * i for i in range(n)]


print(squares(10))
