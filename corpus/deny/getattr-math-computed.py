# expect: strict=deny standard=deny audit=allow
import math

def apply(op: str, x: float) -> float:
    # op comes straight from the request body
    return getattr(math, op)(x)


print(apply("sqrt", 16.0))
