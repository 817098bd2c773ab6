# expect: strict=allow standard=allow audit=allow
class Animal:
    def __init__(self, name: str, sound: str) -> None:
        self.name = name
        self.sound = sound

    def speak(self) -> str:
        return f"{self.name} says {self.sound}"


class Dog(Animal):
    def __init__(self, name: str, tricks: list[str] | None = None) -> None:
        super().__init__(name, "woof")
        self.tricks = tricks or []

    def speak(self) -> str:
        base = super().speak()
        return f"{base} and knows {len(self.tricks)} tricks"


print(Dog("Rex", ["sit", "roll"]).speak())
