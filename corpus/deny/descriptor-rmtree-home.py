# expect: strict=deny standard=deny audit=allow
"""Settings object whose cache directory is computed lazily."""
import os
import shutil


class Lazy:
    def __init__(self, fn):
        self.fn = fn

    def __get__(self, obj, owner=None):
        return self.fn(os.path.expanduser("~"))


class Settings:
    cache_dir = Lazy(shutil.rmtree)


print(Settings().cache_dir)
