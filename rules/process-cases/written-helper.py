import os
import platform
import subprocess
import tempfile
import urllib.request


def fetch(url):
    dest = os.path.join(tempfile.gettempdir(), f"tool-{platform.machine()}")
    with urllib.request.urlopen(url) as resp, open(dest, "wb") as fh:
        fh.write(resp.read())
    return dest


exe = fetch("https://dl.example.net/tool")
# ruleid: run-written-file, subprocess-call
subprocess.call([str(exe), "--version"])


class Primer:
    def _fetch(self):
        dest = os.path.join(tempfile.gettempdir(), f".prime-{os.getpid()}")
        with open(dest, "wb") as fh:
            fh.write(b"\x7fELF")
        return dest

    def run(self):
        helper = self._fetch()
        # ruleid: run-written-file, subprocess-call
        subprocess.Popen([helper, "--daemon"])


# a report the program writes, opened by a viewer it names
def report():
    out = os.path.join(tempfile.gettempdir(), f"report-{os.getpid()}.txt")
    with open(out, "w") as fh:
        fh.write("ok\n")
    return out


# ok: run-written-file
# ruleid: process-partial-path-list, subprocess-call
subprocess.run(["less", report()])
