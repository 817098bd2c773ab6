# expect: strict=deny standard=deny audit=allow
import os
import signal

signal.signal(signal.SIGTERM, lambda signum, frame: os.system("echo bye | wall"))
signal.pause()
