# expect: strict=deny standard=allow audit=allow
"""Print whether the host's security services are running (read only)."""
import shutil
import subprocess

SERVICES = ["auditd", "ufw", "fail2ban", "apparmor"]


def state(name):
    if not shutil.which("systemctl"):
        return "unknown"
    out = subprocess.run(["systemctl", "is-active", name], capture_output=True, text=True)
    return out.stdout.strip() or "unknown"


for svc in SERVICES:
    print(f"{svc:10} {state(svc)}")
