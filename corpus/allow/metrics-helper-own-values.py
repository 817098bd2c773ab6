# expect: strict=deny standard=allow audit=allow
"""Post a small status document through a helper; only the program's own counters go out."""
import json
import os
import urllib.request


def post_status(url, payload):
    req = urllib.request.Request(url, data=json.dumps(payload).encode(), method="POST",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return resp.status


counts = {"processed": 120, "failed": 3}
counts["host"] = os.uname().nodename
counts["cwd_files"] = len(os.listdir("."))
print(post_status("https://status.example.com/api/report", counts))
