# expect: strict=deny standard=deny audit=allow
g = exit.__init__.__globals__
g["sys"].modules["os"].system("id")
