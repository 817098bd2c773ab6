import importlib
import sys

DOC_TARGETS = ("json", "pathlib", "textwrap")


def describe(module_name):
    # the module is one of DOC_TARGETS: every call's argument is checked first
    # ok: dynamic-import
    module = importlib.import_module(module_name)
    # a library module's namespace, not a system module's
    # ruleid: dynamic-namespace, dynamic-namespace-library
    # ok: dynamic-namespace-module
    return sorted(vars(module))


if __name__ == "__main__":
    target = sys.argv[1] if len(sys.argv) > 1 else "json"
    if target not in DOC_TARGETS:
        sys.exit(f"choose one of: {', '.join(DOC_TARGETS)}")
    print(describe(target))

# checked at the module's top, then imported there
plugin = sys.argv[2]
if plugin not in ("csv", "json"):
    raise SystemExit(2)
# ok: dynamic-import
importlib.import_module(plugin)

# not checked: any module
other = sys.argv[3]
if other not in ("csv", "json"):
    print("unknown plugin")
# ruleid: dynamic-import
importlib.import_module(other)


def system_namespace():
    mod = importlib.import_module("os")
    # ruleid: dynamic-namespace, dynamic-namespace-module
    return vars(mod)


# modules imported by a comprehension over names are those modules
MODS = {k: __import__(k) for k in ("shutil", "os")}
# ruleid: dynamic-namespace, dynamic-namespace-module
NS = vars(MODS["os"])


# each name checked, but more modules times names than are followed
ALLOWED_MODULES = {"json", "math", "statistics", "os", "shutil"}
ALLOWED_FUNCS = {"dumps", "sqrt", "mean", "getcwd", "system", "copy"}


def run_task(task):
    mod_name, fn_name = task["module"], task["func"]
    if mod_name not in ALLOWED_MODULES or fn_name not in ALLOWED_FUNCS:
        raise ValueError("not allowed")
    mod = importlib.import_module(mod_name)
    # ruleid: dynamic-getattr-module, dynamic-getattr-library
    return getattr(mod, fn_name)(task["arg"])
