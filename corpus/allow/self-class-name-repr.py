# expect: strict=deny standard=allow audit=allow
class Base:
    def __init__(self, ident: int) -> None:
        self.ident = ident

    def __repr__(self) -> str:
        return f"{self.__class__.__name__}(ident={self.ident})"


class Order(Base):
    pass


print(Base(1), Order(2))
