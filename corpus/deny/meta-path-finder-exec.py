# expect: strict=deny standard=deny audit=allow
import sys
import importlib.abc
import importlib.util


class RemoteLoader(importlib.abc.Loader):
    def create_module(self, spec):
        return None

    def exec_module(self, module):
        exec("def hello():\n    return 'from nowhere'", module.__dict__)


class RemoteFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "ghost":
            return importlib.util.spec_from_loader(name, RemoteLoader())
        return None


sys.meta_path.insert(0, RemoteFinder())
import ghost  # noqa: E402
print(ghost.hello())
