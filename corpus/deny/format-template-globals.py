# expect: strict=deny standard=deny audit=allow
CONFIG_SECRET = "s3cr3t"


def render(template: str, obj) -> str:
    return template.format(obj)


def event():
    pass


print(render("{0.__globals__[CONFIG_SECRET]}", event))
