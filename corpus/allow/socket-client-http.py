# expect: strict=deny standard=allow audit=allow
import socket

with socket.create_connection(("example.com", 80), timeout=5) as s:
    s.sendall(b"HEAD / HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\n\r\n")
    reply = s.recv(1024)
print(reply.split(b"\r\n", 1)[0].decode())
