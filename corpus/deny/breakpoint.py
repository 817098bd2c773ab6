# expect: strict=deny standard=deny audit=allow
def process(items):
    total = 0
    for item in items:
        breakpoint()
        total += item
    return total


process([1, 2, 3])
