# expect: strict=deny standard=allow audit=allow
# Downloads a CSV and hands its bytes to a fixed program as input: the network
# supplies data, never the command (trap for network-command).
import subprocess

import requests

body = requests.get("https://data.example.org/cities.csv", timeout=10).content
sorted_rows = subprocess.run(["/usr/bin/sort"], input=body, capture_output=True, check=True).stdout
print(sorted_rows.decode()[:200])
