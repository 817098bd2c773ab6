# expect: strict=allow standard=allow audit=allow
import html

rows = [("<script>", "x & y"), ("Tom's", '"quoted"')]


def render(rows: list[tuple[str, str]]) -> str:
    cells = "\n".join(
        f"  <tr><td>{html.escape(a)}</td><td>{html.escape(b)}</td></tr>" for a, b in rows
    )
    return f"<table>\n{cells}\n</table>"


print(render(rows))
print(html.unescape("&lt;b&gt;bold&lt;/b&gt;"))
