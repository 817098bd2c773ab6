import subprocess
from pathlib import Path

SECRETS = [".env", "config/secrets.toml", "deploy/id_rsa"]


def sh(args):
    # ruleid: subprocess-call, secret-files-force-added
    return subprocess.run(list(args), check=True)


def stage(paths):
    existing = [p for p in paths if Path(p).exists()]
    # ruleid: secret-files-force-added
    sh(["git", "add", "-f", "--", *existing])


stage(["README.md"] + SECRETS)
# ruleid: secret-files-force-added, process-partial-path, process-partial-path-list, subprocess-call
subprocess.run(["git", "add", "--force", ".env.production"])

# a build output forced in, a template of settings, an ordinary add
# ok: secret-files-force-added
# ruleid: process-partial-path, process-partial-path-list, subprocess-call
subprocess.run(["git", "add", "-f", "dist/", "docs/_build"])
# ok: secret-files-force-added
# ruleid: process-partial-path, process-partial-path-list, subprocess-call
subprocess.run(["git", "add", ".env.example"])
# ok: secret-files-force-added
# ruleid: process-partial-path, process-partial-path-list, subprocess-call
subprocess.run(["git", "add", "-f", ".env.example"])
