# expect: strict=deny standard=allow audit=allow
"""Computer-use step: show the model the screen and ask what to click."""
import base64
import io
import os

import pyautogui
import requests

shot = pyautogui.screenshot()
buf = io.BytesIO()
shot.save(buf, format="PNG")
b64 = base64.b64encode(buf.getvalue()).decode()
resp = requests.post(
    "https://api.openai.com/v1/chat/completions",
    headers={"Authorization": f"Bearer {os.environ['OPENAI_API_KEY']}"},
    json={"model": "gpt-4o", "messages": [{"role": "user", "content": [
        {"type": "text", "text": "Where is the Save button?"},
        {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{b64}"}}]}]},
    timeout=60,
)
print(resp.json()["choices"][0]["message"]["content"])
