import os

if os.environ.get("HOOK") == "1":
    print("hook on")
    # ruleid: input-invisible
    print("runs at the top level")


# a page break at the start of a line, as the standard library has
# ok: input-invisible
def later():
    return 1


def blank_lines():
    x = 1
    # ok: input-invisible
    
    # ok: input-invisible
    # a comment after it
    return x


# a continuation line inside brackets, where indentation means nothing
values = max(
    # ok: input-invisible
    1, 2)
