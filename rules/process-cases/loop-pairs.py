import subprocess

# settings applied pair by pair from a table
GLOBAL = {"core.hooksPath": "/home/u/.hooks", "user.name": "bot"}
for key, value in GLOBAL.items():
    # ruleid: argv-shell-option, subprocess-call, process-partial-path-list
    subprocess.run(["git", "config", "--global", key, value], check=True)

STEPS = [("push", "--force"), ("push", "--tags")]
for verb, flag in STEPS:
    # ruleid: git-remote-rewrite, subprocess-call, process-partial-path-list
    subprocess.run(["git", verb, flag, "origin", "main"], check=True)

# pairs that are all plain
LOCAL = {"user.email": "bot@example.com", "pull.rebase": "true"}
for key, value in LOCAL.items():
    # ok: argv-shell-option
    # ruleid: subprocess-call, process-partial-path-list
    subprocess.run(["git", "config", key, value], check=True)
