# expect: strict=deny standard=allow audit=allow
import os
import shutil
from pathlib import Path

src = Path("downloads")
for f in src.iterdir():
    if f.is_file():
        dest = src / f.suffix.lstrip(".").lower()
        dest.mkdir(exist_ok=True)
        shutil.move(str(f), dest / f.name)
print("organized", sum(1 for _ in src.rglob("*")))
