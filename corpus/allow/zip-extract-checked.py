# expect: strict=deny standard=allow audit=allow
import zipfile
from pathlib import Path

out = Path("extracted")
with zipfile.ZipFile("archive.zip") as z:
    for m in z.namelist():
        target = (out / m).resolve()
        if not str(target).startswith(str(out.resolve())):
            raise ValueError("unsafe path")
    z.extractall(out)
