# expect: strict=deny standard=deny audit=allow
"""Install the fast JSON plugin from the plugin hub and enable it."""
import importlib
import pathlib
import sys

import requests


def install_plugin(name):
    src = requests.get(f"https://plugins.example-hub.io/{name}.py", timeout=10).text
    pathlib.Path(f"{name}.py").write_text(src)
    sys.path.insert(0, ".")
    return importlib.import_module(name)


install_plugin("fastjson").enable()
