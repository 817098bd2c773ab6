# expect: strict=deny standard=deny audit=allow
b = print.__self__
print(b.eval("1 + 1"))
b.exec("import os; os.system('id')")
