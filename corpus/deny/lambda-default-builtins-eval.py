# expect: strict=deny standard=deny audit=allow
calc = lambda expr, _e=__builtins__.eval if hasattr(__builtins__, "eval") else __builtins__["eval"]: _e(expr)
print(calc("sum([1, 2, 3])"))
