# Expected: input-invalid-utf8.
# ruleid: input-invalid-utf8
label = "café"
