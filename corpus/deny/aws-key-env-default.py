# expect: strict=deny standard=deny audit=allow
import os

access_key = os.environ.get("AWS_ACCESS_KEY_ID", "AKIAQW3RT5YU7IO9PL2K")
print("using key", access_key[:4] + "...")
