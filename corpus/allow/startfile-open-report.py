# expect: strict=deny standard=allow audit=allow
"""Write an HTML summary and open it in the default browser (Windows)."""
import html
import os
from pathlib import Path

rows = [("alpha", 3), ("beta", 5)]
out = Path("out") / "summary.html"
out.parent.mkdir(parents=True, exist_ok=True)
body = "".join(f"<tr><td>{html.escape(n)}</td><td>{v}</td></tr>" for n, v in rows)
out.write_text(f"<table>{body}</table>", encoding="utf-8")
if os.name == "nt":
    os.startfile(out)
