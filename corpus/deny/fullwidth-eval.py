# expect: strict=deny standard=deny audit=allow
expression = "__import__('os').getcwd()"
print(ｅｖａｌ(expression))
