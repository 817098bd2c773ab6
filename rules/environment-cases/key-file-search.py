import glob
import os
import subprocess
from pathlib import Path

# ruleid: key-file-search
subprocess.run(["find", "/", "-name", "*.pem"], capture_output=True)
# ruleid: key-file-search
subprocess.Popen("find / -name '*.pem' 2>/dev/null", shell=True, stdout=subprocess.PIPE)
# ruleid: key-file-search, sensitive-credential-path
os.popen("find /home -type f -iname 'id_rsa*'")
# ruleid: key-file-glob, sensitive-credential-path
glob.glob("/**/*.kdbx", recursive=True)
# ruleid: key-file-glob, sensitive-credential-path
glob.glob("/home/*/**/wallet.dat", recursive=True)
# ruleid: key-file-rglob, key-file-walk
Path.home().rglob("*.pem")
# ruleid: key-file-rglob, sensitive-credential-path, key-file-walk
list(Path("/").rglob("id_ed25519*"))

# a project's own certificates, a search under the project
# ok: key-file-glob
glob.glob("certs/*.pem")
# ok: key-file-rglob
Path("certs").rglob("*.pem")
# ok: key-file-rglob
Path.home().rglob("*.ipynb")
# ok: key-file-search
subprocess.run(["find", ".", "-name", "*.pem"])
# ok: key-file-search
subprocess.run(["find", "/", "-name", "*.py"])

# passwords and keys looked for by their text under the home directory
# ruleid: secret-text-search
subprocess.run(["grep", "-rIi", "password", os.path.expanduser("~")])
for _pat in ("password", "AKIA"):
    # ruleid: secret-text-search
    os.system(f"grep -rIi '{_pat}' ~ 2>/dev/null >> out.txt")
# ruleid: secret-text-search
os.popen("grep -r 'BEGIN RSA PRIVATE KEY' /home")
# the project's own tree, or a word that is not a secret
# ok: secret-text-search
os.system("grep -rn 'password' --include='*.py' .")
# ok: secret-text-search
os.system("grep -ri 'todo' ~")
