# expect: strict=deny standard=allow audit=allow
"""Pick the fastest installed JSON library from a fixed table of candidates."""
import importlib
import sys

BACKENDS = {"orjson": "orjson", "ujson": "ujson", "stdlib": "json"}


def load_backend(preferred=None):
    order = [preferred] if preferred else ["orjson", "ujson", "stdlib"]
    for name in order:
        module_name = BACKENDS.get(name)
        if module_name is None:
            raise ValueError(f"unknown backend {name!r}")
        try:
            return name, importlib.import_module(module_name)
        except ImportError:
            continue
    return "stdlib", importlib.import_module("json")


name, backend = load_backend(sys.argv[1] if len(sys.argv) > 1 else None)
print(name, backend.dumps({"ok": True}))
