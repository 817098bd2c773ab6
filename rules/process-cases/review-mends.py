import os
import subprocess
import sys

# a = b = T: a change through a is a change of T
CMDS = ["git status"]
a = b = CMDS
a.append(sys.argv[1])
for c in CMDS:
    # ruleid: shell-command
    os.system(c)


# a comment inside a conditional return keeps both branches
def cmd():
    return (["ls"]  # listing by default
            if len(sys.argv) < 2 else ["sh", "-c", sys.argv[1]])


# ruleid: subprocess-call, shell-in-argv
subprocess.run(cmd())
