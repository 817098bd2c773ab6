# expect: strict=allow standard=allow audit=allow
import uuid

NAMESPACE = uuid.UUID("6ba7b811-9dad-11d1-80b4-00c04fd430c8")

print("random id:", uuid.uuid4())
print("stable id:", uuid.uuid5(NAMESPACE, "https://example.com/item/42"))
print("short:", uuid.uuid4().hex[:12])
