# expect: strict=allow standard=allow audit=allow
import bisect


def grade(score: float, breakpoints=(60, 70, 80, 90), grades="FDCBA") -> str:
    return grades[bisect.bisect(breakpoints, score)]


scores = [33, 99, 77, 70, 89, 90, 100]
print([grade(s) for s in scores])

ordered: list[int] = []
for value in [5, 1, 4, 2, 3]:
    bisect.insort(ordered, value)
print(ordered)
