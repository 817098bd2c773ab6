# expect: strict=allow standard=allow audit=allow
from dataclasses import dataclass, field


@dataclass
class Item:
    name: str
    price: float
    quantity: int = 0

    @property
    def total(self) -> float:
        return self.price * self.quantity


@dataclass
class Inventory:
    items: list[Item] = field(default_factory=list)

    def add(self, item: Item) -> None:
        self.items.append(item)

    def value(self) -> float:
        return sum(i.total for i in self.items)


inv = Inventory()
inv.add(Item("widget", 2.50, 10))
inv.add(Item("gadget", 7.25, 3))
print(f"Inventory value: ${inv.value():.2f}")
