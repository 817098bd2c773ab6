# expect: strict=deny standard=allow audit=allow
"""make clean: remove the project's build outputs."""
import shutil
from pathlib import Path

OUTPUTS = ["build", "dist", ".pytest_cache", "src/app.egg-info"]

for name in OUTPUTS:
    path = Path(name)
    if path.is_dir() and (Path.cwd() / ".git").exists():
        shutil.rmtree(path)
        print("removed", path)
