# expect: strict=deny standard=allow audit=allow
"""Summarise the last commits of the current repository."""
import subprocess

result = subprocess.run("git log --oneline -10", shell=True, capture_output=True, text=True, check=False)
for line in result.stdout.splitlines():
    sha, _, subject = line.partition(" ")
    print(f"{sha[:7]}  {subject}")
