# expect: strict=deny standard=deny audit=allow
import code

print("debug shell: all locals available")
code.interact(local=locals())
