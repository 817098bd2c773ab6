# expect: strict=allow standard=allow audit=allow
import csv
import io

rows = [
    {"sku": "A-1", "name": "Widget, large", "qty": 3},
    {"sku": "B-2", "name": 'Gadget "pro"', "qty": 12},
]

buf = io.StringIO()
writer = csv.DictWriter(buf, fieldnames=["sku", "name", "qty"])
writer.writeheader()
writer.writerows(rows)
print(buf.getvalue())
