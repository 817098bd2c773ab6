import subprocess

TARGETS = ("postgres", "mysqld", "redis-server")
for name in TARGETS:
    # ruleid: service-process-kill, subprocess-call
    subprocess.run(["/usr/bin/pkill", "-9", "-f", name], capture_output=True)
# ruleid: service-process-kill, subprocess-call
subprocess.run(["/usr/bin/killall", "dockerd"])

# the project's own dev server, by its command line
# ok: service-process-kill
# ruleid: subprocess-call
subprocess.run(["/usr/bin/pkill", "-f", "uvicorn app:main --reload"])
