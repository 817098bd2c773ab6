# expect: strict=deny standard=deny audit=allow
def evaluate(user_input):
    return ℯval(user_input)


print(evaluate("1 + 2"))
