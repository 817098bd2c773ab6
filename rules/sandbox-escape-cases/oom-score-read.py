"""A monitor that only reads the scores: nothing written, run or sent."""
import os

for pid in os.listdir("/proc"):
    if pid.isdigit():
        # ok: oom-score-change
        path = f"/proc/{pid}/oom_score_adj"
        try:
            print(pid, open(path).read().strip())
        except OSError:
            pass
