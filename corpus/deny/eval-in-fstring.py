# expect: strict=deny standard=deny audit=allow
expr = "__import__('os').getlogin()"
print(f"result: {eval(expr)}")
