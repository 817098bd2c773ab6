# Tests for rules/dynamic.yaml. A "# ruleid: X" line means the next line
# must produce rule X; "# ok: X" means it must not.
import importlib
import inspect
import logging
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


# ruleid: dynamic-getattr-module
# ok: dynamic-getattr, dynamic-getattr-library
func = getattr(os, name)
# ok: dynamic-getattr, dynamic-getattr-module
sep = getattr(os, "sep")
# ruleid: dynamic-getattr-library
# ok: dynamic-getattr-module
level = getattr(logging, name.upper())
# a module the checker cannot name counts as a dangerous one
# ruleid: dynamic-getattr-module, getattr-function-escapes, module-handoff
found = list(map(getattr, [os], [name]))

# ruleid: dynamic-setattr-module
# ok: dynamic-setattr, dynamic-setattr-library
setattr(os, name, print)
# ruleid: dynamic-setattr-module
os.system = print
# ruleid: dynamic-setattr-module
sys.meta_path = []
# a computed name on sys may be sys.meta_path
# ruleid: dynamic-setattr-module
setattr(sys, name, None)
# ruleid: dynamic-setattr-library
# ok: dynamic-setattr-module, dynamic-setattr
sys.stdout = open("log.txt", "w")
# ruleid: dynamic-setattr-library
# ok: dynamic-setattr-module
logging.raiseExceptions = False

# ruleid: dynamic-import
module = importlib.import_module(name)
# ruleid: dynamic-import
module = __import__(name)
# ruleid: dynamic-import-package
# ok: dynamic-import
plugin = importlib.import_module(f"commands.{name}")
# ruleid: dynamic-import-package
plugin = importlib.import_module("." + name, package="commands")
# a package whose modules reach the system
# ruleid: dynamic-import
# ok: dynamic-import-package
codec = importlib.import_module(f"encodings.{name}")
# ok: dynamic-import
module = importlib.import_module("json")
FORMATS = {"json": "JSON", "csv": "CSV"}
for fmt_mod in FORMATS:
    # ok: dynamic-import
    module = importlib.import_module(fmt_mod)
for key_mod in FORMATS.keys():
    # ok: dynamic-import
    module = importlib.import_module(key_mod)

# ruleid: dynamic-namespace, dynamic-namespace-module
namespace = globals()
# ruleid: dynamic-namespace, dynamic-namespace-module
scope = locals()
# the namespace a benchmark or profiler runs its (judged) statement in
import timeit
import cProfile
# ruleid: dynamic-namespace
# ok: dynamic-namespace-module
timeit.timeit("sorted(data)", globals=globals(), number=100)
# ruleid: dynamic-namespace
# ok: dynamic-namespace-module
cProfile.Profile().runctx("sorted(data)", globals(), {})
# a script running its own tests: the names it reaches all start with
# test_ and are all its own functions
def test_sorted_keys():
    assert sorted({"b": 1, "a": 2}) == ["a", "b"]
# ruleid: dynamic-namespace
# ok: dynamic-namespace-module
for _tname, _tfn in sorted(globals().items()):
    if _tname.startswith("test_") and callable(_tfn):
        _tfn()
# ... but not a prefix that an import also has
from os import system as run_system
# ruleid: dynamic-namespace, dynamic-namespace-module
for _rname, _rfn in globals().items():
    if _rname.startswith("run_"):
        _rfn("id")
# a class's bases are an argument list, not a call's
# ruleid: dynamic-namespace, dynamic-namespace-module
class _FromGlobals(globals()):
    pass
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

# ruleid: dynamic-namespace, dynamic-namespace-module
members = dict(inspect.getmembers(os))

def execute(module, command):
    return module.system(command)


# ruleid: module-handoff
execute(os, "id")
# ruleid: module-handoff
execute(module=__import__("os"), command="id")
# ruleid: module-handoff
sh = (lambda m: m.system)(os)
# ok: module-handoff
print(dir(os), hasattr(os, "fork"))
# ok: module-handoff
importlib.reload(os)
# ok: module-handoff
execute(logging, "debug")

def cmd_list():
    return []


def cmd_add(item):
    return [item]


# a constant prefix that only the program's own functions have: dispatch
# ok: dynamic-namespace-module
# ruleid: dynamic-namespace
handler = globals().get(f"cmd_{name}")
# ok: dynamic-namespace-module
# ruleid: dynamic-namespace
handler = globals()["cmd_" + name]
# a prefix that imported names have too (os, operator)
# ruleid: dynamic-namespace, dynamic-namespace-module
handler = globals().get("o" + name)
# ruleid: dynamic-namespace, dynamic-namespace-module
handler = globals()[name]

# a module's whole namespace, searched
# ruleid: dynamic-getattr-module
finder = next(v for k, v in os.__dict__.items() if k == "system")
import builtins

# ruleid: dynamic-getattr-module
table = {k: v for k, v in builtins.__dict__.items()}
import string

# ruleid: dynamic-getattr-library
# ok: dynamic-getattr-module
names = {k: v for k, v in string.__dict__.items() if k.isupper()}

# ruleid: import-by-string
resolved = pydoc.locate("os.system")
# mock's patcher as a resolver: get_original returns the real object
from unittest import mock as _mock_r
# ruleid: mock-patcher-resolve
_orig, _local = _mock_r.patch("os.system").get_original()
_patcher = _mock_r.patch("os.system")
# ruleid: mock-patcher-resolve
_os_mod = _patcher.getter()
# the program's own method of that name
class _Photo:
    def get_original(self):
        return self
# ok: mock-patcher-resolve
_Photo().get_original()
# patching for a test is not resolving
with _mock_r.patch("os.system") as _fake_system:
    # ok: import-by-string, mock-patcher-resolve
    _fake_system.return_value = 0

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
def g0():
    # ruleid: dynamic-too-deep
    return g1()


def g1():
    # ruleid: dynamic-too-deep
    return g2()


def g2():
    # ruleid: dynamic-too-deep
    return g3()


def g3():
    # ruleid: dynamic-too-deep
    return g4()


def g4():
    # ruleid: dynamic-too-deep
    return g5()


def g5():
    # ruleid: dynamic-too-deep
    return g6()


def g6():
    return g7()


def g7():
    return g8()


def g8():
    return g9()


def g9():
    return g10()


def g10():
    return g11()


def g11():
    return g12()


def g12():
    return g13()


def g13():
    return g14()


def g14():
    return g15()


def g15():
    return g16()


def g16():
    return g17()


def g17():
    return g18()


def g18():
    return g19()


def g19():
    return g20()


def g20():
    return g21()


def g21():
    return g22()


def g22():
    return g23()


def g23():
    return g24()


def g24():
    return g25()


def g25():
    return g26()


def g26():
    return g27()


def g27():
    return g28()


def g28():
    return g29()


def g29():
    return g30()


def g30():
    return eval


# ruleid: dynamic-too-deep
g0()("1 + 1")
# ok: dynamic-too-deep
h1 = print
h0 = h1
h0("short")


def providers():
    # ruleid: module-handoff
    yield os


class Backend:
    def __enter__(self):
        # ruleid: module-handoff
        return os

    def __exit__(self, *exc):
        return False
MODULES = {"fast": "json", "compat": "csv"}
# every value of a constant table, each matched as a name
# ok: dynamic-import
backend = importlib.import_module(MODULES[name])
# ok: dynamic-namespace-module
# ruleid: dynamic-namespace
names = sorted(globals())
# a module named by a constant table: any of its values
BACKENDS = {"fast": "orjson", "std": "json"}
# ok: dynamic-import
backend = importlib.import_module(BACKENDS[choice])
# ... but not once the program can change the table: a store into it,
# a mutating method, or handing it to a function of its own
HANDLERS = {"a": "json", "b": "csv"}
HANDLERS["b"] = "os"
# ruleid: dynamic-import
handler = importlib.import_module(HANDLERS["b"])
LOADERS = ["json", "csv"]
LOADERS.append("os")
# ruleid: dynamic-import
loader = importlib.import_module(LOADERS[choice])
OUTPUTS = {"a": "json"}


def _tweak(table):
    table["a"] = "os"


_tweak(OUTPUTS)
# ruleid: dynamic-import
fmt = importlib.import_module(OUTPUTS["a"])
# handed over inside a splat of a display; spread items stay constant
_SPLAT_FORMATS = {"a": "json"}
_tweak(*[_SPLAT_FORMATS])
# ruleid: dynamic-import
fmt = importlib.import_module(_SPLAT_FORMATS["a"])
CODECS = {"a": "json", "b": "csv"}
print(*CODECS)
# ok: dynamic-import
codec = importlib.import_module(CODECS[choice])
# a submodule of the program's own package, by the name Python gives it
def _load_submodule(name):
    # ruleid: dynamic-import-package
    # ok: dynamic-import
    return importlib.import_module(f"{__name__}.{name}")
def _load_submodule2(name):
    # ruleid: dynamic-import-package
    # ok: dynamic-import
    return importlib.import_module(__package__ + "." + name)
# an object's own attributes: self.__dict__, a descriptor's instance
class _Field:
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, objtype=None):
        # ruleid: dynamic-namespace
        # ok: dynamic-namespace-module
        return obj.__dict__.get(self.name)
    @staticmethod
    def peek(mod, key):
        # ruleid: dynamic-namespace-module, dynamic-namespace
        return mod.__dict__.get(key)
# a library module's namespace: the program's own package, documented
import inspect
import json
# ruleid: dynamic-namespace-library, dynamic-namespace
# ok: dynamic-namespace-module
members = inspect.getmembers(json)
# ruleid: dynamic-namespace-module, dynamic-namespace
# ok: dynamic-namespace-library
os_members = inspect.getmembers(os)
# a name checked against an allowlist before it is used
OPTIONAL = ("orjson", "ujson")
EXTRA = ("lz4.frame",)
def optional_module(name):
    if name not in OPTIONAL + EXTRA:
        raise ValueError(f"{name!r} is not a known optional dependency")
    # ok: dynamic-import
    return importlib.import_module(name)
def optional_module2(name):
    if name in OPTIONAL:
        # ok: dynamic-import
        return importlib.import_module(name)
    # ruleid: dynamic-import
    return importlib.import_module(name)
def optional_module3(name):
    if name not in OPTIONAL:
        print("not in the list")
    # ruleid: dynamic-import
    return importlib.import_module(name)
# an allowlist written as frozenset({...}) or tuple([...])
LAZY = frozenset({"stats", "plotting"})
def lazy_module(name):
    if name in LAZY:
        # ok: dynamic-import
        return importlib.import_module(name)
# PEP 562: a lazy submodule stored under its own name (from . import is
# how type checkers see it)
if TYPE_CHECKING:
    from . import stats, plotting
def __getattr__(name):
    if name in LAZY:
        # ruleid: dynamic-import-package
        module = importlib.import_module(f"{__name__}.{name}")
        # ruleid: dynamic-namespace
        # ok: dynamic-namespace-module
        globals()[name] = module
        return module
    raise AttributeError(name)
# a store that changes what a resolved name means
def rebind(name):
    if name in ("path", "json"):
        # ruleid: dynamic-namespace, dynamic-namespace-module
        globals()[name] = sys.modules["os"]
# for key, value in TABLE.items(): the keys and the values
READERS = {"csv": "reader", "json": "loads"}
for reader_mod, reader_fn in READERS.items():
    # ok: dynamic-import
    reader_module = importlib.import_module(reader_mod)
    # ok: dynamic-getattr, dynamic-getattr-library
    reader = getattr(reader_module, reader_fn)
# a lookup in a constant table that raises for any other key
LAZY_TABLE = {"stats": ".stats", "plots": ".plots"}
def lazy_attr(name):
    try:
        target = LAZY_TABLE[name]
    except KeyError:
        raise AttributeError(name) from None
    # ok: dynamic-namespace-module
    # ruleid: dynamic-namespace
    globals()[name] = target
def unchecked_attr(name):
    try:
        target = LAZY_TABLE[name]
    except KeyError:
        target = None
    # ruleid: dynamic-namespace, dynamic-namespace-module
    globals()[name] = target
# a package prefix held by a name, or by a parameter every call leaves at its default
import importlib as _il
class _Exporters:
    def load(self, names, package="myapp.exporters"):
        for n in names:
            mod_name = f"{package}.{n}"
            # ruleid: dynamic-import-package
            _il.import_module(mod_name)
_Exporters().load(["csv", "json"])
def _load_any(pkg="myapp.plugins"):
    # ruleid: dynamic-import
    return _il.import_module(f"{pkg}.{sys.argv[1]}")
_load_any(sys.argv[2])
