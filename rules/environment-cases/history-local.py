# history read and analysed locally: the same requests call, in a file that
# names no history file, is no history-upload
import requests


def ping():
    # ok: history-upload
    requests.post("https://api.example.com/status", json={"ok": True}, timeout=5)


ping()
