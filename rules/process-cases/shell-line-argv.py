# A command line handed to a shell is read as the argument lists it runs,
# so the rules written for argument lists see it too.
import os
import subprocess

# ruleid: destructive-command
# ruleid: shell-command, process-partial-path
os.system("rm -rf /home")

# ruleid: kill-all-command
# ruleid: subprocess-shell-true
# ruleid: shell-true-call, subprocess-call
# ruleid: process-partial-path, process-partial-path-list
subprocess.run("kill -9 -1", shell=True)

# each command of a line: the second here
# ruleid: destructive-command
# ruleid: shell-command, process-partial-path
os.system("cd /tmp && rm -rf --no-preserve-root /")

# quoted words and an assignment before the program
# ruleid: destructive-command
# ruleid: shell-command, process-partial-path
os.system("LC_ALL=C rm '-rf' \"/etc\"")

# a command substitution inside double quotes
# ruleid: kill-all-command
# ruleid: shell-command, process-partial-path
os.system('echo "$(kill -1)"')

# through a name bound to the line
cmd = "rm -rf /var"
# ruleid: destructive-command
# ruleid: shell-command
os.popen(cmd)

# no shell: the string is one program's name, not a command line
# ok: destructive-command
# ok: subprocess-shell-true
# ruleid: subprocess-call, process-partial-path
subprocess.run("rm -rf /home", shell=False)

# a message that mentions a command is not one
# ok: destructive-command
print("rm -rf /home")
