# expect: strict=deny standard=deny audit=allow
def helper():
    return 42


b = helper.__globals__["__builtins__"]
print(b)
