# A command line handed to a shell is read as the argument lists it runs,
# so the rules written for argument lists see it too.
import os
import subprocess

# ruleid: destructive-command
# ruleid: shell-command, process-partial-path
os.system("rm -rf /home")

# ruleid: kill-all-command
# ruleid: subprocess-shell-true, shell-true-call, subprocess-call
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

# Plain command lines (everyday tools, joined by pipes or separators, with
# quoted words, globs and redirections to /dev/null or a data file, but no
# variables, substitutions or other programs): what the same argument
# lists run, so not shell-command
# ruleid: shell-command-plain, process-partial-path
# ok: shell-command
os.system("pip install pandas matplotlib==3.8.4")
# ruleid: subprocess-shell-plain, subprocess-call, process-partial-path
# ruleid: process-partial-path-list
# ok: subprocess-shell-true, shell-true-call
subprocess.run("git log --oneline -5", shell=True, check=True)
# ruleid: shell-command-plain
# ok: shell-command
os.popen("/usr/bin/nvidia-smi --query-gpu=name,memory.used --format=csv")
# ruleid: shell-command-plain, process-partial-path
# ok: shell-command
os.system("make -j4 test")
# ruleid: shell-command-plain, process-partial-path
# ok: shell-command
os.system("ls *.py")
# ruleid: shell-command-plain, process-partial-path
# ok: shell-command
os.system("pip install x > log.txt 2>&1")
# ruleid: shell-command-plain, process-partial-path
# ok: shell-command
os.system("git log --oneline | head -5")
# ruleid: shell-command-plain, process-partial-path
# ok: shell-command
os.system("find . -name '*.py' -not -path './.venv/*' | xargs wc -l | tail -1")
# ruleid: shell-command-plain, process-partial-path
# ok: shell-command
os.popen("date '+%Y-%m-%d %H:%M'")
# ruleid: subprocess-shell-plain, subprocess-call, process-partial-path
# ruleid: process-partial-path-list
# ok: subprocess-shell-true, shell-true-call
subprocess.run("ps aux | grep python | grep -v grep", shell=True)

# shell syntax, a shell, a launcher or a builtin: shell-command
# ruleid: shell-command, process-partial-path
# ok: shell-command-plain
os.system("ls -la $HOME")
# ruleid: shell-command, process-partial-path
# ok: shell-command-plain
os.system("ls *.py > ~/.profile")
# ruleid: shell-command, process-partial-path
# ok: shell-command-plain
os.system("echo all: > Makefile && make")
# ruleid: shell-command, process-partial-path
# ok: shell-command-plain
os.system("ls | xargs rm")
# ruleid: shell-command, process-partial-path
# ok: shell-command-plain
os.system("find . -name '*.tmp' -delete")
# ruleid: shell-command, process-partial-path
# ok: shell-command-plain
os.system('echo "$(id)" | wc -c')
# ruleid: shell-command, process-partial-path
# ruleid: privilege-escalation-command
# ok: shell-command-plain
os.system("sudo apt-get update")
# ruleid: shell-command, process-partial-path
# ok: shell-command-plain
os.system("eval ls")
# ruleid: shell-command, process-partial-path
# ok: shell-command-plain
os.system("bash install.sh")
# ruleid: shell-command, process-partial-path
# ok: shell-command-plain
os.system("X=1 make")
# ruleid: subprocess-shell-true, shell-true-call, subprocess-call, process-partial-path
# ruleid: process-partial-path-list
# ok: subprocess-shell-plain
subprocess.run("ls; printenv", shell=True)
# ruleid: subprocess-shell-true, subprocess-call, shell-true-call, user-input-command
# ok: subprocess-shell-plain
subprocess.run(input() + " --force", shell=True)

# a program that is not an everyday tool, or a line built from values,
# even when they fold to a plain one: shell-command
# ruleid: shell-command, process-partial-path
# ok: shell-command-plain
os.system("shutdown -h now")


# an f-string whose every value is known reads as each line it makes
def clone(url):
    # ruleid: subprocess-shell-plain, subprocess-call, process-partial-path-list
    # ok: subprocess-shell-true, shell-true-call
    subprocess.run(f"git clone {url}", shell=True)


clone("https://github.com/example/repo.git")


def fetch(url):
    # ruleid: subprocess-shell-true, shell-true-call, subprocess-call
    # ruleid: user-input-command
    # ok: subprocess-shell-plain
    subprocess.run(f"git clone {url}", shell=True)


fetch("https://github.com/example/repo.git")
fetch(input("repository: "))

OPTIONAL = {"seaborn": "seaborn", "sklearn": "scikit-learn"}
for module, dist in OPTIONAL.items():
    # ruleid: shell-command-plain
    # ok: shell-command
    os.system(f"pip install -q {dist}")
for dist in OPTIONAL.values():
    # ruleid: shell-command-plain
    # ok: shell-command
    os.system(f"pip install -q {dist} > pip.log")
for tool in ("ls", "rm"):
    # ruleid: shell-command
    # ok: shell-command-plain
    os.system(f"{tool} -la")
for arg in ("-la", "-la; id"):
    # ruleid: shell-command
    # ok: shell-command-plain
    os.system(f"ls {arg}")
for arg in ("-la", "$HOME"):
    # ruleid: shell-command
    # ok: shell-command-plain
    os.system(f"ls {arg}")
for module, dist in OPTIONAL.items():
    # ruleid: shell-command
    # ok: shell-command-plain
    os.system(f"pip install -q {dist!r}")

# a plain line through a function reached another way than by its name:
# hiding the call is the sign, whatever the command
import base64
import sys

# ruleid: shell-command-hidden, process-partial-path
# ok: shell-command-plain, shell-command
getattr(os, base64.b64decode("c3lzdGVt").decode())("whoami")
# ruleid: shell-command-hidden, process-partial-path
# ok: shell-command-plain
sys.modules["o" + "s"].popen("id").read()
# ruleid: shell-command-hidden, process-partial-path
# ok: shell-command-plain
__import__("os").system("uname -a")
# ruleid: subprocess-shell-hidden, subprocess-call, process-partial-path
# ruleid: process-partial-path-list
# ok: subprocess-shell-plain, subprocess-shell-true
getattr(subprocess, "run")("pip install requests", shell=True)
# the function escapes into a name: shell-command
# ruleid: shell-command
run_it = getattr(os, "sys" + "tem")
# ruleid: shell-command-hidden, process-partial-path
# ok: shell-command-plain
run_it("ls")
import os as o
from os import popen as p_open

# the names it is imported by are plain
# ruleid: shell-command-plain, process-partial-path
# ok: shell-command-hidden
o.system("ls -la")
# ruleid: shell-command-plain, process-partial-path
# ok: shell-command-hidden
p_open("git status").read()

# every value a plain line: a loop over a list of them, a helper every
# call of which passes one
for _label, _line in (("format", "black ."), ("lint", "ruff check .")):
    # ruleid: subprocess-shell-plain, subprocess-call, process-partial-path-list
    # ok: subprocess-shell-true, shell-true-call
    subprocess.run(_line, shell=True, check=False)


def _sh(line):
    # ruleid: subprocess-shell-plain, subprocess-call, process-partial-path-list
    # ok: subprocess-shell-true, shell-true-call
    return subprocess.check_output(line, shell=True, text=True)


_sh("nproc")
_sh("git rev-parse --short HEAD")


def _sh2(line):
    # one call passes a line with shell syntax: not every value is plain
    # ruleid: subprocess-shell-true, shell-true-call, subprocess-call, process-partial-path-list
    # ok: subprocess-shell-plain
    return subprocess.check_output(line, shell=True, text=True)


_sh2("nproc")
_sh2("ps aux | grep python > /tmp/ps.txt")


def _sh3(line="uname -a"):
    # handed on as a value: its callers are not all known
    # ruleid: subprocess-shell-true, shell-true-call, subprocess-call
    # ruleid: process-partial-path-list
    # ok: subprocess-shell-plain
    return subprocess.check_output(line, shell=True, text=True)


_RUNNERS = [_sh3]


# a file locked with chattr, as an argument list or a shell line
# ruleid: immutable-attribute-change, subprocess-call, process-partial-path-list
# ruleid: process-partial-path
subprocess.run(["chattr", "+i", "/etc/resolv.conf"], check=False)
# ruleid: immutable-attribute-change, shell-command, process-partial-path
os.system("chattr -R +a /var/log")
# listing attributes changes nothing
# ok: immutable-attribute-change
# ruleid: subprocess-call, process-partial-path-list, process-partial-path
subprocess.run(["lsattr", "/etc/resolv.conf"], check=False)

# filters whose programs cannot run commands or write files, build
# outputs removed by name, input from a file of the project, a
# virtualenv's own tools, a line written in two literals
# ruleid: shell-command-plain, process-partial-path
# ok: shell-command
os.system("df -P | awk 'NR>1 && $5 > 90 {print $5, $6}'")
# ruleid: shell-command-plain, process-partial-path
# ok: shell-command
os.system("lscpu | grep 'Model name' | sed 's/Model name: *//'")
# ruleid: shell-command-plain, process-partial-path
# ok: shell-command
os.system("sed -n '/slowest/,/^$/p' pytest.log | head -20")
# ruleid: shell-command-plain, process-partial-path
# ok: shell-command
os.system("rm -rf build/ dist/ .pytest_cache mypkg.egg-info")
# ruleid: shell-command-plain, process-partial-path
# ok: shell-command
os.system("wc -l < data/requirements.txt")
# ruleid: shell-command-plain, process-partial-path
# ok: shell-command
os.system(".venv/bin/pip list --format=columns | tail -n +3 | wc -l")
# ruleid: shell-command-plain, process-partial-path
# ok: shell-command
os.system("cd docs && make html > ../build.log 2>&1")
# ruleid: subprocess-shell-plain, subprocess-call, process-partial-path
# ruleid: process-partial-path-list
# ok: subprocess-shell-true, shell-true-call
subprocess.run("nvidia-smi --query-gpu=name,memory.used "
               "--format=csv,noheader", shell=True)
# ruleid: shell-command-plain, process-partial-path
# ok: shell-command
os.system("docker compose ps --format 'table {{.Name}}' 2>/dev/null")
# awk or sed that run commands or write files, rm of anything else
# ruleid: shell-command, process-partial-path, awk-shell-escape
# ok: shell-command-plain
os.system("ls | awk '{system(\"rm \" $1)}'")
# ruleid: shell-command, process-partial-path
# ok: shell-command-plain
os.system("ps aux | awk '{print $2 > \"pids.txt\"}'")
# ruleid: shell-command, process-partial-path, argv-command-option
# ok: shell-command-plain
os.system("ls | sed 's/^/rm /e'")
# ruleid: shell-command, process-partial-path
# ok: shell-command-plain
os.system("sed -i 's/a/b/' setup.py")
# ruleid: shell-command, process-partial-path, destructive-command
# ok: shell-command-plain
os.system("rm -rf build ~")
# ruleid: shell-command, process-partial-path
# ok: shell-command-plain
os.system("rm -rf .")
# ruleid: shell-command, process-partial-path
# ok: shell-command-plain
os.system("wc -l < ../../.ssh/id_rsa.txt")
# ruleid: shell-command, process-partial-path
# ok: shell-command-plain
os.system("ls > ../.bashrc.txt; ls > .hidden/x.txt")


# every line a plain one, and each read as the argument list it runs:
# a tarball from the web installed through a helper's f-string
_PATCHED = "https://cdn.example.com/npm/left-pad-1.3.1-patched.tgz"


def _npm(cmd):
    # ruleid: subprocess-shell-plain, subprocess-call, process-partial-path-list
    # ruleid: extension-install-untrusted-source
    # ok: subprocess-shell-true, shell-true-call
    return subprocess.run(cmd, shell=True, check=True)


_npm("npm ci --no-audit")
_npm(f"npm install --no-save {_PATCHED}")

# f"{x=}" writes the expression's text and the value's repr
_flag = "-la"
# ruleid: shell-command
# ok: shell-command-plain
os.system(f"ls {_flag=}")
# any program asked for its version alone
# ruleid: shell-command-plain, process-partial-path
# ok: shell-command
os.system("jq --version 2>&1")
# ruleid: shell-command, process-partial-path
# ok: shell-command-plain
os.system("jq --version -f evil.jq")
# a value shlex.quote made one word of
import shlex
import sys
# ruleid: shell-command-plain
# ok: shell-command
os.system(f"ffmpeg -i {shlex.quote(sys.argv[1])} -vn {shlex.quote(sys.argv[2])}")
# ruleid: shell-command
# ok: shell-command-plain
os.system(f"{shlex.quote(sys.argv[1])} -vn")
# ruleid: shell-command
# ok: shell-command-plain
os.system(f"ffmpeg -i {sys.argv[1]}")
# ruleid: shell-command
# ok: shell-command-plain
os.system(f"echo '{shlex.quote(sys.argv[1])}' | wc -c")
# ruleid: shell-command
# ok: shell-command-plain
os.system(f"echo \"x\" {shlex.quote(sys.argv[1])} | wc -c")
# ruleid: shell-command
# ok: shell-command-plain
os.system("echo '" f"{shlex.quote(sys.argv[1])}' | wc -c")

# AppleScript that only shows a notification with the words it is handed
# ok: shell-in-argv
# ruleid: subprocess-call, process-partial-path-list, process-partial-path
subprocess.run(["osascript", "-e", "on run argv\ndisplay notification (item 1 of argv)\nend run", "done"])
# ruleid: shell-in-argv, subprocess-call, process-partial-path-list, process-partial-path
subprocess.run(["osascript", "-e", "on run argv\ndisplay notification \"x\"\ndo shell script (item 1 of argv)\nend run", "id"])
