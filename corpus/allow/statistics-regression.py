# expect: strict=allow standard=allow audit=allow
import statistics

hours = [1, 2, 3, 4, 5, 6]
score = [52, 55, 61, 64, 70, 74]

slope, intercept = statistics.linear_regression(hours, score)
print(f"score = {slope:.2f} * hours + {intercept:.2f}")
print("correlation:", round(statistics.correlation(hours, score), 3))
print("median:", statistics.median(score), "stdev:", round(statistics.stdev(score), 2))
print("mode:", statistics.mode([1, 2, 2, 3]))
