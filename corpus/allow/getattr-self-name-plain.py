# expect: strict=deny standard=allow audit=allow
class Settings:
    def __init__(self) -> None:
        self.host = "localhost"
        self.port = 8080

    def get(self, name: str):
        return getattr(self, name)


s = Settings()
for key in ("host", "port"):
    print(key, s.get(key))
print(s.get(input("setting: ")))
