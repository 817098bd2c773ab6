# expect: strict=deny standard=deny audit=allow
lines = ["1 + 2", "3 * 4", "__import__('os').getpid()"]
results = list(map(eval, lines))
print(results)
