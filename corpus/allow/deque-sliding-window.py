# expect: strict=allow standard=allow audit=allow
from collections import deque


def moving_average(values, k):
    window = deque(maxlen=k)
    for v in values:
        window.append(v)
        if len(window) == k:
            yield sum(window) / k


def window_max(values, k):
    dq, out = deque(), []
    for i, v in enumerate(values):
        while dq and values[dq[-1]] <= v:
            dq.pop()
        dq.append(i)
        if dq[0] <= i - k:
            dq.popleft()
        if i >= k - 1:
            out.append(values[dq[0]])
    return out


data = [1, 3, -1, -3, 5, 3, 6, 7]
print(list(moving_average(data, 3)))
print(window_max(data, 3))
