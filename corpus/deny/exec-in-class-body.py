# expect: strict=deny standard=deny audit=allow
class Settings:
    """Settings loaded from a python-ish config string."""

    exec("DEBUG = True\nHOSTS = ['localhost']")


print(Settings.DEBUG)
