# expect: strict=deny standard=deny audit=allow
import os


class TempWorkspace:
    def __init__(self, path):
        self.path = path

    def __del__(self):
        os.system(f"rm -rf {self.path}")


ws = TempWorkspace("/tmp/work")
