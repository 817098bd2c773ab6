# expect: strict=deny standard=deny audit=allow
import os

host = input("host to ping: ")
os.system(f"ping -c 1 {host}")
