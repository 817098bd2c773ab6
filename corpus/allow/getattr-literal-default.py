# expect: strict=allow standard=allow audit=allow
from dataclasses import dataclass


@dataclass
class Config:
    name: str
    verbose: bool = False


def describe(obj) -> str:
    name = getattr(obj, "name", None)
    verbose = getattr(obj, "verbose", False)
    has_extra = hasattr(obj, "extra")
    return f"name={name} verbose={verbose} extra={has_extra}"


print(describe(Config("svc", True)))
print(describe(object()))
