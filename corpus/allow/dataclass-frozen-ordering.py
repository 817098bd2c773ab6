# expect: strict=allow standard=allow audit=allow
from dataclasses import dataclass, asdict, replace


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0

    @classmethod
    def parse(cls, s: str) -> "Version":
        return cls(*(int(p) for p in s.split(".")))

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"


versions = [Version.parse(v) for v in ["1.10.0", "1.2.3", "0.9.9", "1.2.10"]]
print([str(v) for v in sorted(versions)])
print(asdict(max(versions)), replace(versions[0], patch=1))
