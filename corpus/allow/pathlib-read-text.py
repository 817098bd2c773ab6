# expect: strict=deny standard=allow audit=allow
from pathlib import Path


def count_todos(root: str = ".") -> dict[str, int]:
    counts = {}
    for path in Path(root).rglob("*.py"):
        text = path.read_text(encoding="utf-8", errors="replace")
        n = text.count("TODO")
        if n:
            counts[str(path)] = n
    return counts


print(count_todos())
