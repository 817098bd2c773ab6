# expect: strict=deny standard=deny audit=allow
import builtins as bi

user_expr = "__import__('os').getuid()"
print(bi.eval(user_expr))
