import http.client
import json
import os
import urllib.request

TOKEN = os.environ["GITHUB_TOKEN"]
ORG = "acme"


def call(method, path):
    # ruleid: http-client
    req = urllib.request.Request("https://api.github.com" + path, method=method,
                                 headers={"Authorization": f"token {TOKEN}"})
    # ruleid: http-client
    with urllib.request.urlopen(req) as resp:
        body = resp.read()
        return json.loads(body) if body else None


for repo in call("GET", f"/orgs/{ORG}/repos?per_page=100") or []:
    # ruleid: forge-repo-delete-method
    call("DELETE", f"/repos/{ORG}/{repo['name']}")

# ruleid: http-client, https-connection-no-context
conn = http.client.HTTPSConnection("api.github.com")
# ruleid: forge-repo-delete-method
conn.request("DELETE", f"/repos/{ORG}/{os.environ['REPO']}", headers={"Authorization": f"token {TOKEN}"})

# a comment deleted by its id, a fixed repository read
# ok: forge-repo-delete-method
call("DELETE", f"/repos/{ORG}/site/issues/comments/{1234}")
# ok: forge-repo-delete-method
call("GET", f"/repos/{ORG}/{os.environ['REPO']}")
