# expect: strict=deny standard=deny audit=allow
def run(code):
    b = __builtins__ if not isinstance(__builtins__, dict) else None
    return getattr(b, "ex" + "ec")(code)


run("print(open('/etc/hostname').read())")
