# expect: strict=allow standard=allow audit=allow
import hashlib


def fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def derive_key(password: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 100_000)


print(fingerprint(b"hello world"))
print(derive_key("correct horse", b"fixed-salt").hex()[:32])
print(hashlib.blake2b(b"data", digest_size=16).hexdigest())
