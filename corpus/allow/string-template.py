# expect: strict=allow standard=allow audit=allow
from string import Template

t = Template("Dear $name, your order #$order ships on $date.")
print(t.substitute(name="Ana", order=1042, date="Monday"))
print(t.safe_substitute(name="Bo"))

fmt = "{name:<10}|{qty:>4}|{price:>8.2f}"
for row in [{"name": "bolts", "qty": 100, "price": 4.5}, {"name": "nuts", "qty": 250, "price": 3.2}]:
    print(fmt.format(**row))
