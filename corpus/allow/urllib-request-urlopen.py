# expect: strict=deny standard=allow audit=allow
import json
from urllib.request import Request, urlopen

req = Request("https://httpbin.org/get", headers={"User-Agent": "agent/1.0"})
with urlopen(req, timeout=10) as resp:
    body = json.load(resp)
print(body["headers"]["User-Agent"])
