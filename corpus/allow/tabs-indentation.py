# expect: strict=allow standard=allow audit=allow
"""Indented with tabs throughout."""
import math


def describe(values):
	if not values:
		return "empty"
	mean = sum(values) / len(values)
	var = sum((v - mean) ** 2 for v in values) / len(values)
	for v in values:
		if v < 0:
			return "has negatives"
	return f"mean={mean:.2f} sd={math.sqrt(var):.2f}"


class Box:
	def __init__(self, items):
		self.items = list(items)

	def summary(self):
		return describe(self.items)


print(Box([1, 2, 3, 4]).summary())
