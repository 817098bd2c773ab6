# expect: strict=allow standard=allow audit=allow
class Point3D:
    __slots__ = ("x", "y", "z")

    def __init__(self, x: float, y: float, z: float) -> None:
        self.x, self.y, self.z = x, y, z

    def __repr__(self) -> str:
        return f"Point3D({self.x}, {self.y}, {self.z})"


p = Point3D(1, 2, 3)
p.x = 10
try:
    p.w = 4
except AttributeError as err:
    print("cannot add attribute:", err)
print(p)
