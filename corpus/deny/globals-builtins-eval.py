# expect: strict=deny standard=deny audit=allow
def evaluate(s):
    b = globals()['__builtins__']
    ev = b['eval'] if isinstance(b, dict) else b.eval
    return ev(s)


print(evaluate("[x * x for x in range(5)]"))
