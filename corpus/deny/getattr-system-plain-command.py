# expect: strict=deny standard=deny audit=allow
"""Install a dependency, through os.system reached by a built name: hiding
the call is the sign, even with an everyday command line."""
import os

installer = getattr(os, "sys" + "tem")
installer("pip install requests")
