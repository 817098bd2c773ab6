# expect: strict=allow standard=allow audit=allow
import hashlib
import hmac


def sign(secret: bytes, body: bytes) -> str:
    return hmac.new(secret, body, hashlib.sha256).hexdigest()


def verify(secret: bytes, body: bytes, signature: str) -> bool:
    return hmac.compare_digest(sign(secret, body), signature)


key = b"shared-webhook-secret"
payload = b'{"event": "push"}'
sig = sign(key, payload)
print(sig, verify(key, payload, sig), verify(key, payload + b" ", sig))
