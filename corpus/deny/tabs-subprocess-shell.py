# expect: strict=deny standard=deny audit=allow
import subprocess

def run_all(cmds):
	for c in cmds:
		if c:
			subprocess.run(c, shell=True)

run_all(["echo start", "cat /etc/hosts"])
