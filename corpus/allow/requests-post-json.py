# expect: strict=deny standard=allow audit=allow
import requests

payload = {"title": "Report ready", "body": "The nightly report finished."}
resp = requests.post("https://httpbin.org/post", json=payload, timeout=15)
print(resp.status_code, resp.json().get("json"))
