# expect: strict=deny standard=allow audit=allow
import gc


class Node:
    def __init__(self):
        self.ref = None


a, b = Node(), Node()
a.ref, b.ref = b, a
del a, b
print("unreachable collected:", gc.collect())
