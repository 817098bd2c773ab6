# expect: strict=allow standard=allow audit=allow
from bisect import bisect_left


def binary_search(sorted_items: list[int], target: int) -> int:
    """Return the index of target or -1."""
    i = bisect_left(sorted_items, target)
    if i < len(sorted_items) and sorted_items[i] == target:
        return i
    return -1


def manual_search(xs: list[int], target: int) -> int:
    lo, hi = 0, len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1


nums = [1, 3, 5, 7, 9, 11]
print(binary_search(nums, 7), manual_search(nums, 7), manual_search(nums, 4))
