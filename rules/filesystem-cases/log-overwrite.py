import os
from pathlib import Path

# a system log or shell history opened to be overwritten or truncated
# ruleid: log-file-overwritten, open-write
open("/var/log/auth.log", "w").close()

# ruleid: log-file-overwritten, open-write
with open(os.path.expanduser("~/.bash_history"), "r+") as fh:
    fh.truncate(0)


def trim(path, limit):
    # ruleid: log-file-overwritten, open-write
    with open(path, "r+b") as fh:
        fh.truncate(limit)


for log in Path("/var/log").glob("auth.log*"):
    trim(log, 0)
    # ruleid: log-file-written-over, path-method-write
    log.write_text("")

# reading a log, appending to the program's own, writing the project's logs
# ok: log-file-overwritten
open("/var/log/syslog").read()
# ok: log-file-overwritten
# ruleid: open-write
open("/var/log/myapp.log", "a").write("started\n")
# ok: log-file-overwritten
# ruleid: open-write
open("logs/build.log", "w").close()
# ok: log-file-written-over
# ruleid: path-method-write
Path("build/logs/test.log").write_text("")
