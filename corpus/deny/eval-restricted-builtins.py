# expect: strict=deny standard=deny audit=allow
SAFE = {"__builtins__": {}}


def safe_eval(expr, variables):
    # "safe" because builtins are removed
    return eval(expr, SAFE, variables)


print(safe_eval("x * 2 + y", {"x": 3, "y": 1}))
