# expect: strict=allow standard=allow audit=allow
"""A table of math functions evaluated at a few points."""
import math

FUNCTIONS = ["sqrt", "log", "log10", "exp", "sin", "cos", "tan", "atan", "gamma", "erf"]
points = [0.5, 1.0, 2.0]

for name in FUNCTIONS:
    fn = getattr(math, name)
    print(f"{name:<6}" + "".join(f"{fn(x):>12.5f}" for x in points))
