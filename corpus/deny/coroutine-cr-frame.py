# expect: strict=deny standard=deny audit=allow
async def probe():
    return None


c = probe()
print(c.cr_frame.f_globals["__builtins__"])
c.close()
