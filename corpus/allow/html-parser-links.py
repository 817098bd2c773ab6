# expect: strict=allow standard=allow audit=allow
from html.parser import HTMLParser

PAGE = """<html><body>
<a href="/docs">Docs</a> <a href="https://example.com">Home</a>
<img src="logo.png"></body></html>"""


class LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            for name, value in attrs:
                if name == "href" and value:
                    self.links.append(value)


parser = LinkCollector()
parser.feed(PAGE)
print(parser.links)
