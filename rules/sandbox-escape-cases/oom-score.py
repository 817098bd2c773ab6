import multiprocessing as mp
import sys

# the same program also reaches other code (a medium finding of this rule set)
# ruleid: frame-introspection-call
_caller = sys._getframe(0)


def hog(_):
    hoard = []
    while True:
        hoard.append(bytearray(256 * 1024 * 1024))


procs = [mp.Process(target=hog, args=(i,)) for i in range(8)]
for p in procs:
    p.start()
    # ruleid: oom-score-change
    with open(f"/proc/{p.pid}/oom_score_adj", "w") as fh:
        fh.write("-1000")
