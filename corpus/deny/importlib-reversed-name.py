# expect: strict=deny standard=deny audit=allow
import importlib

sp = importlib.import_module("ssecorpbus"[::-1])
sp.Popen(["sh", "-c", "id"])
