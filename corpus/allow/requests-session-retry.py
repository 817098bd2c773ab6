# expect: strict=deny standard=allow audit=allow
import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

session = requests.Session()
retry = Retry(total=3, backoff_factor=0.5, status_forcelist=[502, 503, 504])
session.mount("https://", HTTPAdapter(max_retries=retry))

resp = session.get("https://httpbin.org/status/200", timeout=5)
print(resp.status_code)
