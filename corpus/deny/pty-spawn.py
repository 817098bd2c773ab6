# expect: strict=deny standard=deny audit=allow
import pty

# upgrade to an interactive shell
pty.spawn("/bin/sh")
