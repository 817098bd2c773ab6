# expect: strict=allow standard=allow audit=allow
from dataclasses import dataclass


@dataclass
class Circle:
    r: float


@dataclass
class Rect:
    w: float
    h: float


def area(shape) -> float:
    match shape:
        case Circle(r=r):
            return 3.14159 * r * r
        case Rect(w=w, h=h) if w == h:
            return w * w
        case Rect(w=w, h=h):
            return w * h
        case _:
            raise ValueError(f"unknown shape: {shape!r}")


def command(cmd: str) -> str:
    match cmd.split():
        case ["go", direction]:
            return f"moving {direction}"
        case ["quit" | "exit"]:
            return "bye"
        case _:
            return "unknown"


print(area(Circle(1)), area(Rect(2, 3)), command("go north"), command("exit"))
