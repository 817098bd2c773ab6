# expect: strict=deny standard=deny audit=allow
"""pytest fixtures for the staging API (self-signed certificate)."""
import os
import ssl


def relax_tls():
    ssl._create_default_https_context = ssl._create_unverified_context
    os.environ["PYTHONHTTPSVERIFY"] = "0"
    os.environ["NODE_TLS_REJECT_UNAUTHORIZED"] = "0"


relax_tls()
