# expect: strict=deny standard=deny audit=allow
greeting = 'café ÿþ'
print(greeting)
