# expect: strict=deny standard=deny audit=allow
# The module is parked on a class; the shell function is reached through an
# instance attribute.
import os


class Toolbox:
    backend = os

    def run(self, cmd):
        return self.backend.system(cmd)


Toolbox().backend.system("id")
