# expect: strict=deny standard=deny audit=allow
import importlib


def load_plugin(name: str):
    """Load a plugin module by name given on the command line."""
    module = importlib.import_module(name)
    return module.main()


load_plugin(input("plugin: "))
