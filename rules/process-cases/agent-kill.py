import os
import signal
import subprocess

NOISY = ["auditd", "falcon-sensor", "osqueryd"]


def pids_for(pattern):
    # ruleid: security-agent-killed, process-partial-path-list, subprocess-call
    res = subprocess.run(["pgrep", "-f", pattern], capture_output=True, text=True)
    return [int(x) for x in res.stdout.split()]


def quiet():
    # ruleid: process-signal
    stop = os.kill
    for name in NOISY:
        for pid in pids_for(name):
            # ruleid: process-signal
            stop(pid, signal.SIGTERM)


# a worker of the program's own, looked up and stopped
# ok: security-agent-killed
# ruleid: process-partial-path, process-partial-path-list, subprocess-call
out = subprocess.run(["pgrep", "-f", "celery worker"], capture_output=True, text=True)
for pid in out.stdout.split():
    # ruleid: process-signal
    os.kill(int(pid), signal.SIGTERM)
