# expect: strict=deny standard=allow audit=allow
import sqlite3


class Repo:
    def __init__(self) -> None:
        self.db = sqlite3.connect(":memory:")
        self.db.execute("CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT)")

    def put(self, k: str, v: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO kv VALUES (?, ?)", (k, v))

    def get(self, k: str):
        row = self.db.execute("SELECT v FROM kv WHERE k = ?", (k,)).fetchone()
        return row[0] if row else None


r = Repo()
r.put("color", "blue")
print(r.get("color"), r.get("size"))
