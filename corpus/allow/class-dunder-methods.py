# expect: strict=allow standard=allow audit=allow
class Vector:
    """A small 2-D vector."""

    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y

    def __repr__(self) -> str:
        return f"Vector({self.x!r}, {self.y!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Vector):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)

    def __hash__(self) -> int:
        return hash((self.x, self.y))

    def __add__(self, other: "Vector") -> "Vector":
        return Vector(self.x + other.x, self.y + other.y)

    def __abs__(self) -> float:
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __len__(self) -> int:
        return 2

    def __iter__(self):
        yield self.x
        yield self.y


a, b = Vector(3, 4), Vector(1, 1)
print(a + b, abs(a), a == Vector(3, 4), list(b), len({a, Vector(3, 4)}))
