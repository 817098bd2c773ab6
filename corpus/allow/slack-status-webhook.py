# expect: strict=deny standard=allow audit=allow
"""Post the nightly job's own result to the team's Slack webhook."""
import json
import os
import sys
import urllib.request


def post(text):
    url = os.environ["SLACK_WEBHOOK_URL"]
    req = urllib.request.Request(url, data=json.dumps({"text": text}).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return resp.status


if __name__ == "__main__":
    ok = len(sys.argv) > 1 and sys.argv[1] == "ok"
    print(post("nightly export: " + ("succeeded" if ok else "FAILED")))
