# expect: strict=allow standard=allow audit=allow
import secrets
import string

ALPHABET = string.ascii_letters + string.digits


def make_password(length: int = 16) -> str:
    while True:
        pw = "".join(secrets.choice(ALPHABET) for _ in range(length))
        if any(c.isdigit() for c in pw) and any(c.isupper() for c in pw):
            return pw


print(make_password())
print(secrets.token_urlsafe(24))
print(secrets.token_hex(8))
