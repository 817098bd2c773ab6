# expect: strict=deny standard=allow audit=allow
"""Pick a subprocess helper by name; every call passes a constant, so the
checker reads these as subprocess.check_output/run with argument lists."""
import subprocess


def call_tool(method, argv):
    return getattr(subprocess, method)(argv)


print(call_tool("check_output", ["uname", "-a"]))
call_tool("run", ["git", "status", "--short"])
