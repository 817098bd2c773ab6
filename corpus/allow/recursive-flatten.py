# expect: strict=allow standard=allow audit=allow
from typing import Any, Iterable


def flatten(items: Iterable[Any]) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if isinstance(item, (list, tuple)):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out


def depth(items: Any) -> int:
    if not isinstance(items, (list, tuple)):
        return 0
    return 1 + max((depth(i) for i in items), default=0)


nested = [1, [2, [3, [4, 5]], 6], (7, 8)]
print(flatten(nested), depth(nested))
