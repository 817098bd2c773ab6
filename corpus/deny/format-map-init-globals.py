# expect: strict=deny standard=deny audit=allow
class User:
    def __init__(self, name):
        self.name = name


template = "Hello {user.__init__.__globals__}"
print(template.format_map({"user": User("bob")}))
