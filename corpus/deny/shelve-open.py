# expect: strict=deny standard=deny audit=allow
import shelve

with shelve.open("/tmp/shared_state") as db:
    for key in db:
        print(key, db[key])
