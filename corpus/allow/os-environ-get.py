# expect: strict=deny standard=allow audit=allow
import os

home = os.environ.get("HOME", "/tmp")
debug = os.environ.get("APP_DEBUG", "0") == "1"
workers = int(os.getenv("WORKERS", "4"))
print(f"home={home} debug={debug} workers={workers}")
