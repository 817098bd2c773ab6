import os

import psutil

me = psutil.Process()
for ancestor in me.parents():
    for child in ancestor.children(recursive=True):
        if child.pid != me.pid:
            # ruleid: process-signal-parent-psutil
            child.kill()
# ruleid: process-signal-parent-psutil
me.parent().kill()
sup = psutil.Process(os.getppid())
# ruleid: process-signal-parent-psutil
sup.terminate()

# this process's own children: what it started
# ok: process-signal-parent-psutil
for c in psutil.Process().children(recursive=True):
    c.terminate()
