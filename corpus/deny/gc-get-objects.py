# expect: strict=deny standard=deny audit=allow
import gc

for obj in gc.get_objects():
    if isinstance(obj, dict) and "password" in obj:
        print(obj["password"])
