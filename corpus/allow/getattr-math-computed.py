# expect: strict=deny standard=allow audit=allow
# getattr on a library module with a computed name: reported (medium), denied
# only under strict; on os, builtins or importlib it would be denied.
import math

def apply(op: str, x: float) -> float:
    # op comes straight from the request body
    return getattr(math, op)(x)


print(apply(input("operation: "), 16.0))
