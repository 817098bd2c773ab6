# expect: strict=deny standard=deny audit=allow
import urllib.request

with urllib.request.urlopen("https://example.com/api/config") as resp:
    config = eval(resp.read().decode())

print(config["version"])
