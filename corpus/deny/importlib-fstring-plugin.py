# expect: strict=deny standard=deny audit=allow
import importlib

def get_handler(kind):
    mod = importlib.import_module(f"handlers.{kind}")
    return mod.handle


handler = get_handler("csv")
