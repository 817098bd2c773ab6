# expect: strict=deny standard=deny audit=allow
import subprocess


def git_clone(url: str, dest: str) -> None:
    subprocess.run(f"git clone {url} {dest}", shell=True, check=True)


git_clone("https://github.com/example/repo.git", "repo")
