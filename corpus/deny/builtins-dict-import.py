# expect: strict=deny standard=deny audit=allow
imp = __builtins__.__dict__["__import__"] if hasattr(__builtins__, "__dict__") else __builtins__["__import__"]
imp("os").system("id")
