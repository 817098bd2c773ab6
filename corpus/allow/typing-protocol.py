# expect: strict=allow standard=allow audit=allow
from typing import Iterable, Protocol, runtime_checkable


@runtime_checkable
class SupportsArea(Protocol):
    def area(self) -> float: ...


class Square:
    def __init__(self, s: float) -> None:
        self.s = s

    def area(self) -> float:
        return self.s * self.s


class Label:
    text = "hi"


def total_area(shapes: Iterable[SupportsArea]) -> float:
    return sum(s.area() for s in shapes)


print(total_area([Square(2), Square(3)]))
print(isinstance(Square(1), SupportsArea), isinstance(Label(), SupportsArea))
