# expect: strict=deny standard=deny audit=allow
mod = __import__(''.join(['o', 's']))
mod.system("uptime")
