# expect: strict=deny standard=deny audit=allow
from concurrent.futures import ThreadPoolExecutor
import os

with ThreadPoolExecutor() as pool:
    fut = pool.submit(os.popen, "ls /etc")
    print(fut.result().read())
