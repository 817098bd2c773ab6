# expect: strict=deny standard=deny audit=allow
# The import function leaves through a return value; the call that loads
# "os" happens on the value, where no import rule can see the name.
def get_loader():
    return __import__


mod = get_loader()("o" + "s")
mod.system("id")
