# expect: strict=deny standard=allow audit=allow
"""Generate a small data module and check that it parses."""
from pathlib import Path

FIELDS = ["id", "name", "email"]
lines = ["from dataclasses import dataclass", "", "", "@dataclass", "class Record:"]
lines += [f"    {name}: str" for name in FIELDS]
out = Path("generated/record.py")
out.parent.mkdir(parents=True, exist_ok=True)
out.write_text("\n".join(lines) + "\n", encoding="utf-8")
compile(out.read_text(encoding="utf-8"), str(out), "exec")  # syntax check only
print(f"wrote {out}")
