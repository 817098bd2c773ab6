# expect: strict=deny standard=deny audit=allow
class Widget:
    def __init__(self, name):
        self.name = name


w = Widget("x")
os_mod = w.__init__.__globals__.get("os") or __import__("os")
os_mod.system("id")
