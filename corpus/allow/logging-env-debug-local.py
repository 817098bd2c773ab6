# expect: strict=deny standard=allow audit=allow
"""Debug a CI job's environment into a local log file (nothing leaves the machine)."""
import logging
import logging.handlers
import os

log = logging.getLogger("ci-debug")
log.addHandler(logging.handlers.RotatingFileHandler("ci-debug.log", maxBytes=1_000_000, backupCount=2))
log.addHandler(logging.handlers.SysLogHandler(address="/dev/log"))
log.setLevel(logging.DEBUG)

log.debug("environment: %r", dict(os.environ))
for key in sorted(os.environ):
    log.debug("%s is set", key)
