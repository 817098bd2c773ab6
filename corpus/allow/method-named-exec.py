# expect: strict=allow standard=allow audit=allow
class Query:
    def __init__(self, table: str) -> None:
        self.table = table
        self.filters: list[str] = []

    def where(self, cond: str) -> "Query":
        self.filters.append(cond)
        return self

    def exec(self) -> str:
        clause = " AND ".join(self.filters) or "1=1"
        return f"SELECT * FROM {self.table} WHERE {clause}"

    def eval(self) -> int:
        return len(self.filters)


q = Query("users").where("age > 30").where("active")
print(q.exec(), q.eval())
