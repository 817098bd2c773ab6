# modules found by a walk over a package: pkgutil gives each name with the
# prefix the call names, so the import stays inside that package
import importlib
import pkgutil

import myapp.plugins as plugins


def load_all():
    for info in pkgutil.walk_packages(plugins.__path__, prefix="myapp.plugins."):
        # ruleid: dynamic-import-package
        # ok: dynamic-import
        importlib.import_module(info.name)


def load_flat():
    for _finder, name, _ispkg in pkgutil.iter_modules(plugins.__path__, plugins.__name__ + "."):
        # ruleid: dynamic-import-package
        # ok: dynamic-import
        importlib.import_module(name)


def load_bare(path):
    # no prefix: top-level names, any module
    for info in pkgutil.iter_modules(path):
        # ruleid: dynamic-import
        # ok: dynamic-import-package
        importlib.import_module(info.name)


def load_system(path):
    # a prefix whose submodules reach the system
    for info in pkgutil.walk_packages(path, prefix="os."):
        # ruleid: dynamic-import
        # ok: dynamic-import-package
        importlib.import_module(info.name)


def load_other(path):
    # the first of the three is the finder, not a name
    for name, _mod, _ispkg in pkgutil.iter_modules(path, "myapp.plugins."):
        # ruleid: dynamic-import
        # ok: dynamic-import-package
        importlib.import_module(name)


load_all()
load_flat()
load_bare(["."])
load_system(["."])
load_other(["."])
