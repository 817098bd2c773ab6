# expect: strict=deny standard=deny audit=allow
s = ")'dwssap/cte/ tac'(metsys.so ;so tropmi"
exec(s[::-1])
