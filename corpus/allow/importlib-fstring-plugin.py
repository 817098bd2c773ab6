# expect: strict=deny standard=allow audit=allow
# A computed import inside the program's own package (plugin loading) is
# reported (medium dynamic-import-package) and denied only under strict.
import importlib

def get_handler(kind):
    mod = importlib.import_module(f"handlers.{kind}")
    return mod.handle


handler = get_handler("csv")
