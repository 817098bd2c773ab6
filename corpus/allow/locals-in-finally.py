# expect: strict=deny standard=allow audit=allow
"""Database export with cleanup in a finally block."""
import csv
import sqlite3
import sys


def export(db: str, table_sql: str, out: str) -> int:
    try:
        conn = sqlite3.connect(db)
        cur = conn.execute(table_sql)
        headers = [d[0] for d in cur.description]
        with open(out, "w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(headers)
            n = 0
            for row in cur:
                w.writerow(row)
                n += 1
        return n
    except sqlite3.Error as e:
        print(f"database error: {e}", file=sys.stderr)
        return -1
    finally:
        if "conn" in locals():
            conn.close()


if __name__ == "__main__":
    print(export("shop.db", "SELECT * FROM orders ORDER BY id", "orders.csv"), "rows exported")
