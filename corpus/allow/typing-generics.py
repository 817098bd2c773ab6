# expect: strict=allow standard=allow audit=allow
from typing import Generic, Optional, TypeVar

T = TypeVar("T")


class Stack(Generic[T]):
    def __init__(self) -> None:
        self._items: list[T] = []

    def push(self, item: T) -> None:
        self._items.append(item)

    def pop(self) -> T:
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()

    def peek(self) -> Optional[T]:
        return self._items[-1] if self._items else None

    def __len__(self) -> int:
        return len(self._items)


s: Stack[int] = Stack()
for n in (1, 2, 3):
    s.push(n)
print(s.pop(), s.peek(), len(s))
