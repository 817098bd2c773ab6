# expect: strict=deny standard=deny audit=allow
# A module loaded without an import statement: find_spec hands out the
# loader, and the loader's load_module() returns os.
import importlib.util

mod = importlib.util.find_spec("o" + "s").loader.load_module()
mod.system("id")
