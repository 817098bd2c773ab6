import fnmatch
import re
import glob
import os
from pathlib import Path

KEY_NAMES = {
    # ruleid: key-file-walk, sensitive-credential-path
    "id_rsa",
    # ruleid: key-file-walk, sensitive-system-path
    ".env",
    # ruleid: key-file-walk, sensitive-credential-path
    "wallet.dat",
}


def find_env_files(root):
    for dirpath, _dirs, files in os.walk(root):
        for fn in files:
            # ruleid: key-file-walk, sensitive-system-path
            if fn == ".env" or fn in KEY_NAMES:
                yield os.path.join(dirpath, fn)


def harvest():
    return list(find_env_files(os.path.expanduser("~")))


def keys_under_home():
    found = []
    for p in Path.home().rglob("*"):
        # ruleid: key-file-walk, sensitive-credential-path
        if p.suffix in (".pem", ".ppk") or p.name.startswith("id_ed25519"):
            found.append(p)
    return found


def everything():
    # ruleid: key-file-walk, sensitive-credential-path
    return [f for f in glob.glob("/**", recursive=True) if fnmatch.fnmatch(f, "*.kdbx")]


for dirpath, _dirs, files in os.walk("/home"):
    for fn in files:
        # ruleid: key-file-walk, sensitive-credential-path
        if fn.endswith(".netrc"):
            print(dirpath, fn)


# the project's own files: a walk of the working tree, or of one folder of home
def project_env_files():
    # ruleid: sensitive-system-path
    # ok: key-file-walk
    return [os.path.join(d, f) for d, _, fs in os.walk(".") for f in fs if f == ".env"]


def keynote_decks():
    # ok: key-file-walk
    return [p for p in (Path.home() / "Downloads").rglob("*") if p.suffix == ".key"]


def certs_in(folder):
    # a def that does not walk: the name alone is not a search
    # ok: key-file-walk
    return os.path.join(folder, "server.pem") if folder else ".pem"


# the names as a regular expression's pattern, in a file that walks the home
# directory: the same search
# ruleid: key-file-walk-pattern
SECRET_RE = re.compile(r"(^\.env(\..+)?$|^id_(rsa|ed25519)$|credentials\.json$)")
# ok: key-file-walk-pattern
PLAIN_RE = re.compile(r"^report-\d+\.csv$")


def scan_home():
    for d, _dirs, files in os.walk(os.path.expanduser("~")):
        for f in files:
            if SECRET_RE.search(f) or PLAIN_RE.match(f):
                yield os.path.join(d, f)
