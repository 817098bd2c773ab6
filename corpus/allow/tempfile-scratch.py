# expect: strict=deny standard=allow audit=allow
import tempfile
from pathlib import Path

with tempfile.TemporaryDirectory() as tmp:
    p = Path(tmp) / "notes.txt"
    p.write_text("line one\nline two\n")
    print(p.read_text().splitlines())
