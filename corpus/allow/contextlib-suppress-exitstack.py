# expect: strict=allow standard=allow audit=allow
from contextlib import ExitStack, suppress, contextmanager


@contextmanager
def resource(name: str):
    print("acquire", name)
    yield name
    print("release", name)


with ExitStack() as stack:
    names = [stack.enter_context(resource(n)) for n in ("db", "cache", "queue")]
    print("using", names)

with suppress(KeyError):
    {}["missing"]
print("continued after suppressed KeyError")
