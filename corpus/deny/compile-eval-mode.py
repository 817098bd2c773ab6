# expect: strict=deny standard=deny audit=allow
expr = input("expression> ")
code = compile(expr, "<expr>", "eval")
print(eval(code))
