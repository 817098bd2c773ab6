# expect: strict=deny standard=deny audit=allow
# The classic fork bomb: every process forks for ever, until the process
# table is full.
import os

while True:
    os.fork()
