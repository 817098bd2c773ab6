# Repositories cloned from hosts other than the well-known forges, and
# built: in the same shell line (clone-and-build), or anywhere in the same
# program (cloned-code-built, which requires clone-unknown-host).
import os
import subprocess

# a repository from an unknown host cloned and built in one line
# ruleid: clone-and-build, clone-unknown-host, cloned-code-built, process-partial-path, shell-command-plain
os.popen("cd /tmp && git clone -q https://git.example.com/util/fastjson.git && cd fastjson && make && make install")
_VENDOR = {"fastjson": "https://code.example.net/fastjson.git"}
for _name, _url in _VENDOR.items():
    # ruleid: clone-and-build, shell-command-plain, clone-unknown-host, cloned-code-built
    # ok: shell-command
    os.system(f"git clone {_url} {_name} && cd {_name} && pip install -e .")
# a forge's repository, or a clone alone: not clone-and-build (in this
# program, which also clones from unknown hosts, any build step is
# cloned-code-built)
# ok: clone-and-build
# ruleid: shell-command-plain, process-partial-path, cloned-code-built
os.system("git clone https://github.com/psf/requests && cd requests && pip install -e .")
# ok: clone-and-build
# ruleid: shell-command-plain, process-partial-path, clone-unknown-host
os.system("git clone https://git.example.com/util/fastjson.git")
# a clone from an unknown host in one call, built in another
def _run(cmd):
    # ruleid: subprocess-shell-plain, subprocess-call, process-partial-path-list
    # ruleid: clone-unknown-host, cloned-code-built
    # ok: subprocess-shell-true, shell-true-call
    return subprocess.run(cmd, shell=True, check=True)


_run("git clone https://code.example.net/tools/fastparse.git vendor/fastparse")
_run("cd vendor/fastparse && make")
# ruleid: clone-unknown-host, subprocess-call, process-partial-path-list, process-partial-path
subprocess.run(["git", "clone", "https://code.example.net/x.git", "x"])
# ruleid: cloned-code-built, subprocess-call, process-partial-path-list, process-partial-path
subprocess.run(["pip", "install", "-e", "x/"])
