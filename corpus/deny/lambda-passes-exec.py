# expect: strict=deny standard=deny audit=allow
run = lambda f, s: f(s)
run(exec, "print('side effect')")
