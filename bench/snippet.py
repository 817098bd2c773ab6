"""Agent task: summarise disk usage of a project and save a JSON report."""
import json
import os
import subprocess
from pathlib import Path

REPORT = Path("report.json")


def list_python_files(root: str) -> list[str]:
    """Return every .py file under root, sorted by size (largest first)."""
    found = []
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            if name.endswith(".py"):
                full = os.path.join(dirpath, name)
                found.append((os.path.getsize(full), full))
    found.sort(reverse=True)
    return [path for _size, path in found]


def disk_usage(root: str) -> str:
    # The agent shells out to du and interpolates the path: shell injection.
    cmd = f"du -sh {root} | cut -f1"
    out = subprocess.run(cmd, shell=True, capture_output=True, text=True)
    return out.stdout.strip()


def main() -> None:
    root = os.environ.get("PROJECT_ROOT", ".")
    files = list_python_files(root)
    summary = {
        "root": root,
        "total": disk_usage(root),
        "largest": files[:5],
        "count": len(files),
    }
    REPORT.write_text(json.dumps(summary, indent=2))
    print(f"wrote {REPORT} ({summary['count']} files)")


if __name__ == "__main__":
    main()
