# expect: strict=allow standard=allow audit=allow
from urllib.parse import parse_qs, urlencode, urljoin, urlparse

url = "https://shop.example.com/search?q=red+shoes&page=2&sort=price"
parts = urlparse(url)
params = parse_qs(parts.query)
print(parts.netloc, parts.path, params)

params["page"] = ["3"]
print(parts._replace(query=urlencode(params, doseq=True)).geturl())
print(urljoin("https://example.com/a/b/", "../c"))
