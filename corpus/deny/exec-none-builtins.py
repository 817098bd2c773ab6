# expect: strict=deny standard=deny audit=allow
code = open("rules.py").read()
exec(code, {"__builtins__": None}, {})
