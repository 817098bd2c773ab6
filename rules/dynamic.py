# Tests for rules/dynamic.yaml. A "# ruleid: X" line means the next line
# must produce rule X; "# ok: X" means it must not.
import importlib
import operator
import os
import pydoc
import sys

name = sys.argv[1]


class Config:
    def __init__(self, **values):
        for key, value in values.items():
            # ruleid: dynamic-setattr
            setattr(self, key, value)

    def get(self, field):
        # ruleid: dynamic-getattr
        return getattr(self, field)

    def has(self, field):
        # ruleid: dynamic-getattr
        return hasattr(self, field)

    def fixed(self):
        # ok: dynamic-getattr
        return getattr(self, "name", None)

    def as_dict(self):
        # ruleid: dynamic-namespace
        return vars(self)


# ruleid: dynamic-getattr, dynamic-getattr-module
func = getattr(os, name)
# ok: dynamic-getattr, dynamic-getattr-module
sep = getattr(os, "sep")

# ruleid: dynamic-setattr, dynamic-setattr-module
setattr(os, name, print)
# ruleid: dynamic-setattr, dynamic-setattr-module
os.system = print

# ruleid: dynamic-import
module = importlib.import_module(name)
# ruleid: dynamic-import
module = __import__(name)
# ok: dynamic-import
module = importlib.import_module("json")

# ruleid: dynamic-namespace, dynamic-namespace-module
namespace = globals()
# ruleid: dynamic-namespace, dynamic-namespace-module
scope = locals()
# ruleid: dynamic-namespace, dynamic-namespace-module
handler = vars(os)[name]
# ruleid: dynamic-namespace, dynamic-namespace-module
other = sys.modules[name]
# ruleid: dynamic-namespace, dynamic-namespace-module
target = os.__dict__[name]
settings = Config()
# ruleid: dynamic-namespace
entry = settings.__dict__[name]
# ok: dynamic-namespace
entry = settings.__dict__["name"]

# ruleid: import-by-string
resolved = pydoc.locate("os.system")

# ruleid: operator-computed-getter, dynamic-getattr
key_func = operator.attrgetter(name)
# ok: operator-computed-getter
key_func = operator.attrgetter("name")

# import-function-escapes: the import function as a value
def loader():
    # ruleid: import-function-escapes
    return __import__
loader()("os").system("id")
# ruleid: import-function-escapes
table = [importlib.import_module]
# ruleid: import-function-escapes
def fetch(name, imp=__import__):
    # ruleid: dynamic-import
    return imp(name)
# ok: import-function-escapes
json_mod = __import__("json")
# ok: import-function-escapes
decimal_mod = importlib.import_module("decimal")

# getattr-function-escapes: getattr as a value
def getter():
    # ruleid: getattr-function-escapes
    return getattr
# ruleid: getattr-function-escapes
ops = {"get": getattr, "set": setattr}
# ok: getattr-function-escapes
title = getattr(config, "title", "untitled")

# dynamic-too-deep: more steps than the checker follows
g0 = g1
g1 = g2
g2 = g3
g3 = g4
g4 = g5
g5 = g6
g6 = g7
g7 = g8
g8 = g9
g9 = g10
g10 = g11
g11 = g12
g12 = g13
g13 = g14
g14 = g15
g15 = g16
g16 = g17
g17 = g18
g18 = g19
g19 = g20
g20 = g21
g21 = g22
g22 = g23
g23 = g24
g24 = g25
g25 = g26
g26 = g27
g27 = g28
g28 = g29
g29 = g30
g30 = eval
# ruleid: dynamic-too-deep
g0("1 + 1")
# ok: dynamic-too-deep
h1 = print
h0 = h1
h0("short")
