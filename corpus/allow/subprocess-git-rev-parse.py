# expect: strict=deny standard=allow audit=allow
import subprocess


def current_commit() -> str:
    out = subprocess.check_output(["git", "rev-parse", "--short", "HEAD"], text=True)
    return out.strip()


def changed_files() -> list[str]:
    proc = subprocess.run(["git", "diff", "--name-only"], capture_output=True, text=True)
    return [line for line in proc.stdout.splitlines() if line]


print(current_commit(), changed_files())
