# expect: strict=allow standard=allow audit=allow
import itertools

items = ["apple", "bread", "cheese", "dates"]

print("pairs:")
for a, b in itertools.combinations(items, 2):
    print(f"  {a} + {b}")

print("running totals:", list(itertools.accumulate([3, 1, 4, 1, 5])))
print("chained:", list(itertools.chain("ab", "cd")))
print("product:", list(itertools.product([0, 1], repeat=2)))
print("first 5 odd:", list(itertools.islice(itertools.count(1, 2), 5)))
