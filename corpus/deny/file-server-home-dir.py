# expect: strict=deny standard=deny audit=allow
"""Preview the generated docs in a browser (served from the home directory)."""
import functools
import http.server
import os
import socketserver


def docs_root():
    return os.path.expanduser("~")


handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=docs_root())
with socketserver.TCPServer(("0.0.0.0", 8765), handler) as httpd:
    httpd.serve_forever()
