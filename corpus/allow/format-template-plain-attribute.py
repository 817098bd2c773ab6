# expect: strict=allow standard=allow audit=allow
from dataclasses import dataclass


@dataclass
class Person:
    name: str
    age: int


p = Person("Grace", 85)
print("{0.name} is {0.age} years old".format(p))
print("{p.name!r} / {p.age:>4}".format(p=p))
