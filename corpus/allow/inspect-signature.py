# expect: strict=deny standard=allow audit=allow
import inspect


def connect(host: str, port: int = 5432, *, timeout: float = 3.0) -> None:
    """Open a connection."""


sig = inspect.signature(connect)
for name, param in sig.parameters.items():
    print(name, param.kind.name, param.default)
print(inspect.getdoc(connect))
