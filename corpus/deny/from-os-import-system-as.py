# expect: strict=deny standard=deny audit=allow
from os import system as s

targets = ["/tmp/cache", "/tmp/session"]
for t in targets:
    s(f"rm -rf {t}")
print("done")
