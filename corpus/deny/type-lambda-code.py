# expect: strict=deny standard=deny audit=allow
FunctionType = type(lambda: 0)
code = compile("import os\nos.system('id')", "<payload>", "exec")
FunctionType(code, {})()
