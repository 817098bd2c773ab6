# expect: strict=deny standard=deny audit=allow
# The module travels in a container, so no name is bound to it when the
# shell function is called.
import os

tools = {"fs": os, "clock": None}
tools["fs"].popen("id").read()
