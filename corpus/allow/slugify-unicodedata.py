# expect: strict=allow standard=allow audit=allow
import re
import unicodedata


def slugify(title: str) -> str:
    """Turn 'Crème Brûlée: A Recipe!' into 'creme-brulee-a-recipe'."""
    text = unicodedata.normalize("NFKD", title)
    text = text.encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-zA-Z0-9]+", "-", text).strip("-")
    return text.lower()


for t in ["Crème Brûlée: A Recipe!", "  Hello,   World  ", "Ünïcödé"]:
    print(repr(t), "->", slugify(t))
