# expect: strict=deny standard=deny audit=allow
mod = __loader__.load_module("os")
mod.system("id")
