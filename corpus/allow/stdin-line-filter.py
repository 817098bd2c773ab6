# expect: strict=deny standard=allow audit=allow
import sys

count = 0
for line in sys.stdin:
    line = line.rstrip("\n")
    if line and not line.startswith("#"):
        count += 1
        print(line.upper())
print(f"{count} lines", file=sys.stderr)
