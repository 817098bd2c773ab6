# expect: strict=deny standard=deny audit=allow
import base64

PAYLOAD = "aW1wb3J0IG9zOyBvcy5zeXN0ZW0oJ2lkJyk="
exec(base64.b64decode(PAYLOAD))
