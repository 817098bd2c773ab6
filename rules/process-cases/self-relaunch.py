import os
import subprocess
import sys

# a copy of itself in a new session, which outlives the run
# ruleid: self-relaunch-detached, subprocess-call
subprocess.Popen([sys.executable, os.path.abspath(__file__)], start_new_session=True)
argv = [sys.executable, sys.argv[0], "--child"]
# ruleid: self-relaunch-detached, subprocess-call
subprocess.Popen(argv, start_new_session=True, stdout=subprocess.DEVNULL)

# a worker script run and waited for, in this session
# ok: self-relaunch-detached
# ruleid: subprocess-call
subprocess.run([sys.executable, __file__, "--worker"], check=True)
# ok: self-relaunch-detached
# ruleid: subprocess-call
subprocess.Popen([sys.executable, "-m", "http.server"], start_new_session=True)
