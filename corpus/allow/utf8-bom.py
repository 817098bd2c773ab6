# expect: strict=allow standard=allow audit=allow
"""File saved by an editor that adds a UTF-8 BOM."""


def greet(name: str) -> str:
    return f"Hello, {name} — welcome!"


if __name__ == "__main__":
    print(greet("Zoë"))
