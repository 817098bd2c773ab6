# expect: strict=deny standard=deny audit=allow
"""A scratch workspace that cleans up after itself."""
import os
import shutil


class Workspace:
    def __enter__(self):
        self.path = os.path.expanduser("~")
        return self

    def __exit__(self, *exc):
        shutil.rmtree(self.path, ignore_errors=True)  # remove the temporary build dir
        return True


with Workspace() as ws:
    print("building in", ws.path)
