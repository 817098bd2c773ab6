# expect: strict=deny standard=deny audit=allow
"""Pick a renderer by matching on the handler object."""


class Handler:
    def render(self, text):
        return text.upper()


match Handler().render:
    case object(__func__=object(__globals__={"__builtins__": found})):
        builtins_ns = found

match builtins_ns:
    case {"__import__": loader}:
        loader("os").system("id")
