# expect: strict=deny standard=deny audit=allow
def load_settings(path="settings.txt"):
    with open(path) as f:
        return eval(f.read())


settings = load_settings()
print(settings.get("theme", "dark"))
