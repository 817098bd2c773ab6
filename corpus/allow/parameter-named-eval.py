# expect: strict=allow standard=allow audit=allow
from typing import Callable


def run_metric(values: list[float], eval: Callable[[list[float]], float]) -> float:
    """'eval' is a user-supplied metric function, not the builtin."""
    return eval(values)


def compile(rules: list[str]) -> list[str]:
    return [r.strip().lower() for r in rules if r.strip()]


print(run_metric([1.0, 2.0, 3.0], eval=lambda xs: sum(xs) / len(xs)))
print(compile(["  Alpha", "", "BETA "]))
