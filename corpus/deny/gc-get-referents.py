# expect: strict=deny standard=deny audit=allow
import gc
import json

for inner in gc.get_referents(json.dumps):
    print(inner)
