# expect: strict=allow standard=allow audit=allow
from graphlib import TopologicalSorter

deps = {
    "app": {"db", "cache"},
    "db": {"config"},
    "cache": {"config"},
    "config": set(),
}

order = list(TopologicalSorter(deps).static_order())
print("build order:", " -> ".join(order))
