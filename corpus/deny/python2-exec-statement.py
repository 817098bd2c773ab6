# expect: strict=deny standard=deny audit=allow
code = "x = 1"
exec code in {}
