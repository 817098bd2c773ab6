# expect: strict=deny standard=deny audit=allow
fns = [print, exec]
fns[1]("import socket; print(socket.gethostname())")
