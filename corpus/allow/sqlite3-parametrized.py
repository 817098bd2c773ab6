# expect: strict=deny standard=allow audit=allow
import sqlite3

conn = sqlite3.connect(":memory:")
cur = conn.cursor()
cur.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, age INTEGER)")
cur.executemany("INSERT INTO users (name, age) VALUES (?, ?)", [("ana", 31), ("bo", 25)])
conn.commit()

min_age = 30
for row in cur.execute("SELECT name, age FROM users WHERE age >= ?", (min_age,)):
    print(row)
conn.close()
