# expect: strict=allow standard=allow audit=allow
"""Solar system model; 'system' here is ours, not os.system."""

PLANETS = {"Mercury": 0.39, "Venus": 0.72, "Earth": 1.0, "Mars": 1.52}


def system(scale: float = 1.0) -> dict[str, float]:
    return {name: au * scale for name, au in PLANETS.items()}


def popen(name: str) -> str:
    return f"opening {name}"


for planet, distance in system(149.6).items():
    print(f"{planet:8} {distance:7.1f} million km")
print(popen("observatory"))
