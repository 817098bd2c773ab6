# expect: strict=deny standard=deny audit=allow
import subprocess

def call_tool(method: str, argv: list[str]):
    """Call a subprocess helper by name, e.g. 'check_output'."""
    return getattr(subprocess, method)(argv)


print(call_tool("check_output", ["uname", "-a"]))
