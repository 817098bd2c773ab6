# expect: strict=deny standard=deny audit=allow
# Deletes the user's whole home directory, written so that no literal "~"
# or "/home" path appears.
import shutil
from pathlib import Path

shutil.rmtree(Path.home(), ignore_errors=True)
