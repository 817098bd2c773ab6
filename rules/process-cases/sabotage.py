import os
import subprocess

import psutil

# every process psutil lists, killed one by one
victims = [p for p in psutil.process_iter(["pid"]) if p.pid != os.getpid()]
for p in victims:
    # ruleid: process-signal-sweep-psutil
    p.kill()
for q in psutil.process_iter(["name"]):
    if q.info["name"] == "stuck-worker":
        # ruleid: process-signal-sweep-psutil
        q.terminate()
# a process this code started
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
proc = subprocess.Popen(["sleep", "100"])
# ok: process-signal-sweep-psutil
proc.kill()
# ok: process-signal-sweep-psutil
psutil.Process(proc.pid).terminate()


def sh(*args):
    # ruleid: backup-wipe-command, subprocess-call
    return subprocess.run(list(args), capture_output=True, text=True).stdout


sh("tmutil", "disable")
# ruleid: backup-wipe-command, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["tmutil", "deletelocalsnapshots", "2024-01-01-000000"])
# ruleid: backup-wipe-command, shell-command, process-partial-path
os.system("tmutil delete /Volumes/Backup/Backups.backupdb/mac/2024-01-01-000000")
# ruleid: backup-wipe-command, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["zfs", "destroy", "tank/home@daily-1"])
# ruleid: backup-wipe-command, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["btrfs", "subvolume", "delete", "/.snapshots/12/snapshot"])
# listing them is no wipe
# ok: backup-wipe-command
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["tmutil", "listlocalsnapshots", "/"])
# ok: backup-wipe-command
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["zfs", "list", "-t", "snapshot"])

# the repository's hooks skipped
# ruleid: git-hooks-bypassed, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["git", "commit", "-am", "wip", "--no-verify"])
# ruleid: git-hooks-bypassed, shell-command, process-partial-path
os.system("git push --no-verify origin main")
# ok: git-hooks-bypassed
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["git", "commit", "-m", "fix"])


# a script written to a temporary file, then run by its interpreter
import tempfile

with tempfile.NamedTemporaryFile("w", suffix=".tcl", delete=False) as fh:
    fh.write("puts hello\n")
    script = fh.name
# ruleid: run-written-file, subprocess-call, process-partial-path-list
subprocess.Popen(["tclsh", script])
with tempfile.NamedTemporaryFile("w", suffix=".rb", delete=False) as fh2:
    fh2.write("puts 1\n")
# ruleid: run-written-file, subprocess-call, process-partial-path-list
subprocess.run(["ruby", fh2.name])
