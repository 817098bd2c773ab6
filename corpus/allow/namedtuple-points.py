# expect: strict=allow standard=allow audit=allow
from collections import namedtuple
from math import dist

Point = namedtuple("Point", ["x", "y"])

path = [Point(0, 0), Point(3, 4), Point(6, 8), Point(6, 0)]
length = sum(dist(a, b) for a, b in zip(path, path[1:]))
print(f"path length: {length:.1f}")
print(path[1]._replace(x=10), path[2]._asdict())
