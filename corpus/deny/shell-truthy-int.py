# expect: strict=deny standard=deny audit=allow
import subprocess

subprocess.Popen("rm -rf ./dist/*", shell=1).wait()
