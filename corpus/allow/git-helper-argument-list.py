# expect: strict=deny standard=allow audit=allow
import subprocess

def git(*args):
    return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout

print(git("status", "--short"))
print(git("log", "-1", "--format=%H"))
