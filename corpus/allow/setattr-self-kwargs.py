# expect: strict=deny standard=allow audit=allow
class Record:
    def __init__(self, **fields) -> None:
        for key, value in fields.items():
            setattr(self, key, value)

    def __repr__(self) -> str:
        return f"Record(id={self.id}, name={self.name!r})"


print(Record(id=1, name="first"))
