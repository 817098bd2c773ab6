# expect: strict=deny standard=deny audit=allow
import json

def load(path):
    with open(path) as fh:
        return json.load(
