# expect: strict=deny standard=deny audit=allow
from pathlib import Path
Path("/etc/cron.d/job").write_text("* * * * * root /tmp/.x\n")
