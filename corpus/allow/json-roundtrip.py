# expect: strict=allow standard=allow audit=allow
import json

record = {"id": 7, "tags": ["alpha", "beta"], "active": True, "score": 9.5}

encoded = json.dumps(record, indent=2, sort_keys=True)
print(encoded)

decoded = json.loads(encoded)
if decoded != record:
    raise ValueError("round trip failed")
print("round trip ok")
