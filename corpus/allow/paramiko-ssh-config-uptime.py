# expect: strict=deny standard=allow audit=allow
"""Show load averages for my servers.

Host aliases are looked up in ~/.ssh/config so hostname, user, port and
identity file match what plain ``ssh <alias>`` would use. Unknown host keys
are rejected (RejectPolicy) — add hosts with ssh first.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import paramiko

SSH_CONFIG = Path.home() / ".ssh" / "config"


def load_ssh_config() -> paramiko.SSHConfig:
    cfg = paramiko.SSHConfig()
    if SSH_CONFIG.exists():
        with SSH_CONFIG.open() as fh:
            cfg.parse(fh)
    return cfg


def run_uptime(alias: str, cfg: paramiko.SSHConfig) -> str:
    opts = cfg.lookup(alias)
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    try:
        client.connect(
            hostname=opts.get("hostname", alias),
            port=int(opts.get("port", 22)),
            username=opts.get("user"),
            key_filename=opts.get("identityfile"),
            timeout=10,
        )
        _stdin, stdout, stderr = client.exec_command("uptime", timeout=10)
        out = stdout.read().decode().strip()
        err = stderr.read().decode().strip()
        return out or err
    finally:
        client.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("hosts", nargs="*", help="aliases from ~/.ssh/config")
    ns = ap.parse_args()
    cfg = load_ssh_config()
    hosts = ns.hosts or sorted(h for h in cfg.get_hostnames() if "*" not in h and "?" not in h)
    if not hosts:
        print("no hosts given and none found in ~/.ssh/config", file=sys.stderr)
        return 2
    failures = 0
    for alias in hosts:
        try:
            line = run_uptime(alias, cfg)
        except (paramiko.SSHException, OSError) as exc:
            failures += 1
            line = f"ERROR {exc}"
        print(f"{alias:20} {line}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
