# expect: strict=deny standard=deny audit=allow
rows = [{"a": 3, "b": 1}, {"a": 1, "b": 2}]
key_expr = "row['a'] - row['b']"
rows.sort(key=lambda row: eval(key_expr))
print(rows)
