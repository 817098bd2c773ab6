# expect: strict=deny standard=deny audit=allow
import subprocess
import sys

def call_tool(method: str, argv: list[str]):
    """Call a subprocess helper by name, e.g. 'check_output'."""
    return getattr(subprocess, method)(argv)


print(call_tool(sys.argv[1], ["uname", "-a"]))
