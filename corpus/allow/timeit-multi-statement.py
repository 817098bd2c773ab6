# expect: strict=deny standard=allow audit=allow
"""Compare ways of building a string; the statements are several lines each."""
import timeit

SETUP = "words = ['alpha', 'beta', 'gamma'] * 300"
CASES = {
    "join": "''.join(words)",
    "concat": "s = ''\nfor w in words:\n    s += w",
    "io": "import io\nb = io.StringIO()\nfor w in words:\n    b.write(w)\nb.getvalue()",
}

for name, stmt in CASES.items():
    best = min(timeit.repeat(stmt, setup=SETUP, number=500, repeat=3))
    print(f"{name:8s} {best / 500 * 1e6:8.2f} us")
