# expect: strict=deny standard=deny audit=allow
def calc(expression):
    # __builtins__ is a dict when imported as a module, a module when run as main
    ev = __builtins__["eval"] if isinstance(__builtins__, dict) else __builtins__.eval
    return ev(expression)


print(calc("2 ** 10"))
