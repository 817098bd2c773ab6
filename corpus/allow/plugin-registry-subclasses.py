# expect: strict=allow standard=allow audit=allow
"""Plugin registry using __init_subclass__ and __subclasses__."""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar, Dict, Type


class Exporter(ABC):
    registry: ClassVar[Dict[str, Type["Exporter"]]] = {}
    fmt: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if cls.fmt:
            Exporter.registry[cls.fmt] = cls

    @abstractmethod
    def export(self, rows: list[dict]) -> str: ...

    @classmethod
    def for_format(cls, fmt: str) -> "Exporter":
        try:
            return cls.registry[fmt]()
        except KeyError:
            raise ValueError(f"Unsupported format {fmt!r}; choose from {sorted(cls.registry)}")

    @classmethod
    def all_formats(cls) -> list[str]:
        return sorted(sub.fmt for sub in cls.__subclasses__())


class CsvExporter(Exporter):
    fmt = "csv"

    def export(self, rows: list[dict]) -> str:
        if not rows:
            return ""
        header = list(rows[0])
        lines = [",".join(header)]
        lines += [",".join(str(r[h]) for h in header) for r in rows]
        return "\n".join(lines)


class MarkdownExporter(Exporter):
    fmt = "md"

    def export(self, rows: list[dict]) -> str:
        if not rows:
            return ""
        header = list(rows[0])
        out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        out += ["| " + " | ".join(str(r[h]) for h in header) + " |" for r in rows]
        return "\n".join(out)


if __name__ == "__main__":
    data = [{"name": "Ada", "age": 36}, {"name": "Alan", "age": 41}]
    print(Exporter.all_formats())
    for f in ("csv", "md"):
        print(Exporter.for_format(f).export(data))
        print()
