# expect: strict=allow standard=allow audit=allow
from collections import deque
import string


def ladder(start: str, goal: str, words: set[str]) -> list[str]:
    queue = deque([[start]])
    seen = {start}
    while queue:
        path = queue.popleft()
        word = path[-1]
        if word == goal:
            return path
        for i in range(len(word)):
            for ch in string.ascii_lowercase:
                nxt = word[:i] + ch + word[i + 1 :]
                if nxt in words and nxt not in seen:
                    seen.add(nxt)
                    queue.append(path + [nxt])
    return []


print(ladder("cold", "warm", {"cord", "card", "ward", "warm", "word", "corm", "worm"}))
