# expect: strict=allow standard=allow audit=allow
from collections import OrderedDict

cache = OrderedDict()


def lru_put(key, value, capacity=3):
    cache[key] = value
    cache.move_to_end(key)
    if len(cache) > capacity:
        cache.popitem(last=False)


for k in "abcdb":
    lru_put(k, k.upper())
print(list(cache.items()))
