# expect: strict=deny standard=deny audit=allow
src = "print('compiled')"
code = 𝑐𝑜𝑚𝑝𝑖𝑙𝑒(src, "<s>", "exec")
print(code.co_names)
