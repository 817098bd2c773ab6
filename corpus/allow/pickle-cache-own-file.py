# expect: strict=deny standard=allow audit=allow
"""Build an inverted index of text files once and keep it in a pickle cache that the script itself writes."""
import pickle
import sys
from collections import defaultdict
from pathlib import Path

CACHE = Path("index.pkl")


def build(paths):
    index = defaultdict(set)
    for p in paths:
        for word in Path(p).read_text(encoding="utf-8").lower().split():
            index[word].add(p)
    return dict(index)


def load_or_build(paths):
    if CACHE.exists():
        with open(CACHE, "rb") as fh:
            return pickle.load(fh)
    index = build(paths)
    with open(CACHE, "wb") as fh:
        pickle.dump(index, fh)
    return index


if __name__ == "__main__":
    idx = load_or_build(sys.argv[1:])
    print(sorted(idx.get("python", ())))
