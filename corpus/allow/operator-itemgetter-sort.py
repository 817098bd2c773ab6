# expect: strict=allow standard=allow audit=allow
from operator import attrgetter, itemgetter
from dataclasses import dataclass

people = [
    {"name": "Ana", "age": 31, "city": "Lisbon"},
    {"name": "Bo", "age": 25, "city": "Oslo"},
    {"name": "Cy", "age": 31, "city": "Austin"},
]
for p in sorted(people, key=itemgetter("age", "name")):
    print(p["name"], p["age"])


@dataclass
class Task:
    title: str
    priority: int


tasks = [Task("write", 2), Task("test", 1), Task("ship", 3)]
print([t.title for t in sorted(tasks, key=attrgetter("priority"))])
