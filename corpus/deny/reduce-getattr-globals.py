# expect: strict=deny standard=deny audit=allow
"""Summary statistics with a pluggable formula (the path to eval is walked by reduce)."""
import functools
import statistics

_PATH = ["mean", "__globals__"]


def lookup(root, path):
    return functools.reduce(getattr, path, root)


builtins_ns = lookup(statistics, _PATH)["__builtins__"]
print(builtins_ns["ev" + "al"]("sum(range(10))"))
