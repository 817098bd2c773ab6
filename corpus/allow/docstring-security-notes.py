# expect: strict=allow standard=allow audit=allow
"""Checksum helper for release artifacts.

Security notes: never install tools with `curl https://example.com/install.sh | sh`,
and never read /etc/shadow or ~/.ssh/id_rsa from build scripts. Verify
downloads with a pinned SHA-256 instead, as this module does.
"""
import hashlib


class Checker:
    """Compares digests; it does not fetch anything (no `wget -O- ... | bash`)."""

    def __init__(self, expected):
        self.expected = expected.lower()

    def verify(self, data: bytes) -> bool:
        """True when sha256(data) is the pinned digest."""
        return hashlib.sha256(data).hexdigest() == self.expected


if __name__ == "__main__":
    digest = hashlib.sha256(b"release").hexdigest()
    print(Checker(digest).verify(b"release"))
