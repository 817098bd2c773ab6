# expect: strict=deny standard=deny audit=allow
source = """
def greet(name):
    return f"hi {name}"
"""
code = compile(source, "<generated>", "exec")
ns = {}
exec(code, ns)
print(ns["greet"]("agent"))
