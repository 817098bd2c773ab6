# expect: strict=deny standard=deny audit=allow
def total(items):
    # sum​ all​ items
    return sum(items)


print(total([1, 2, 3]))
