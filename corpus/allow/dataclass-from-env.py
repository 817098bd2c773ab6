# expect: strict=deny standard=allow audit=allow
import os
from dataclasses import dataclass


@dataclass
class DbConfig:
    host: str
    port: int
    name: str

    @classmethod
    def from_env(cls) -> "DbConfig":
        return cls(
            host=os.environ.get("DB_HOST", "localhost"),
            port=int(os.environ.get("DB_PORT", "5432")),
            name=os.environ.get("DB_NAME", "app"),
        )


print(DbConfig.from_env())
