# expect: strict=deny standard=allow audit=allow
import importlib

try:
    fast_json = importlib.import_module("orjson")
except ImportError:
    fast_json = importlib.import_module("json")

print(fast_json.dumps({"ok": True}))
