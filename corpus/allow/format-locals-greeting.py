# expect: strict=deny standard=allow audit=allow
"""Mail-merge letters using string.Template."""
import csv
from pathlib import Path
from string import Template

LETTER = Template("""Dear $name,

Thank you for your order #$order_id of $amount. It will ship to $city
within $days business days.

Best regards,
The Shop Team
""")


def render_all(rows_path: Path, out_dir: Path) -> int:
    out_dir.mkdir(exist_ok=True)
    count = 0
    with rows_path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            row.setdefault("days", "3")
            text = LETTER.safe_substitute(row)
            (out_dir / f"letter_{row['order_id']}.txt").write_text(text, encoding="utf-8")
            count += 1
    return count


def preview(name: str, city: str) -> str:
    order_id, amount, days = "0001", "$10.00", 2
    return "Hi {name} from {city}: order {order_id} ({amount}), {days} days".format(**locals())


if __name__ == "__main__":
    print(preview("Ada", "London"))
    n = render_all(Path("orders.csv"), Path("letters"))
    print(f"rendered {n} letters")
