# expect: strict=deny standard=allow audit=allow
import threading
from queue import Queue

results: list[int] = []
lock = threading.Lock()


def worker(q: Queue) -> None:
    while True:
        n = q.get()
        if n is None:
            break
        with lock:
            results.append(n * n)


q: Queue = Queue()
threads = [threading.Thread(target=worker, args=(q,)) for _ in range(3)]
for t in threads:
    t.start()
for i in range(10):
    q.put(i)
for _ in threads:
    q.put(None)
for t in threads:
    t.join()
print(sorted(results))
