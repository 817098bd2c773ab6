# Expected: input-parse-error (the file does not parse).
value = 1
# ruleid: input-parse-error
def broken(:
    pass
