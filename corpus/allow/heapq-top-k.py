# expect: strict=allow standard=allow audit=allow
import heapq

scores = {"ana": 88, "bo": 95, "cy": 71, "di": 99, "ed": 84, "fay": 90}

top3 = heapq.nlargest(3, scores.items(), key=lambda kv: kv[1])
print("top 3:", top3)

merged = list(heapq.merge([1, 4, 9], [2, 3, 10], [5]))
print("merged:", merged)
