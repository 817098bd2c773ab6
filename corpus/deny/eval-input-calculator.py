# expect: strict=deny standard=deny audit=allow
"""Tiny REPL calculator."""

while True:
    expr = input(">>> ")
    if expr in ("q", "quit"):
        break
    print(eval(expr))
