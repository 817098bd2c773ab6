# expect: strict=allow standard=allow audit=allow
import difflib

before = ["def add(a, b):", "    return a + b", ""]
after = ["def add(a: int, b: int) -> int:", "    return a + b", ""]

for line in difflib.unified_diff(before, after, "before.py", "after.py", lineterm=""):
    print(line)

print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]))
print(round(difflib.SequenceMatcher(None, "kitten", "sitting").ratio(), 3))
