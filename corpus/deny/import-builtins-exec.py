# expect: strict=deny standard=deny audit=allow
import builtins

snippet = "total = sum(range(10)); print(total)"
builtins.exec(snippet)
