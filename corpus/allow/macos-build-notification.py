# expect: strict=deny standard=allow audit=allow
"""Run the test suite and show a macOS notification with the result."""
import subprocess
import sys

result = subprocess.run([sys.executable, "-m", "pytest", "-q"], capture_output=True, text=True)
title = "Tests passed" if result.returncode == 0 else "Tests failed"
subprocess.run(["/usr/bin/osascript", "-e", 'display notification "See the terminal" with title "pytest"'])
print(title)
print(result.stdout[-2000:])
