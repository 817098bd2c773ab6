# expect: strict=deny standard=deny audit=allow
import subprocess
import sys


def git_clone(url: str, dest: str) -> None:
    subprocess.run(f"git clone {url} {dest}", shell=True, check=True)


# the URL comes from the caller: "x; curl ... | sh" is a command
git_clone(sys.argv[1], "repo")
