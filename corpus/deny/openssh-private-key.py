# expect: strict=deny standard=deny audit=allow
import os

KEY = """-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
QyNTUxOQAAACB1x9Q2mZcW7rK0pVtY3hN8sJfLeGaD4oUiBqRnEyTvXwAAAJgZ2f1kGdn9
-----END OPENSSH PRIVATE KEY-----
"""

path = os.path.expanduser("~/.ssh/id_agent")
