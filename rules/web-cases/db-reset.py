import os

import psycopg2
from sqlalchemy import MetaData, create_engine

engine = create_engine(os.environ["DATABASE_URL"])
meta = MetaData()
with engine.begin() as conn:
    # ruleid: metadata-reflect
    meta.reflect(bind=conn)
    # ruleid: reflected-tables-dropped
    meta.drop_all(bind=conn)

conn = psycopg2.connect(os.environ["PG_DSN"])
cur = conn.cursor()
# ruleid: table-listing-query
cur.execute("SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg_%'")
for (ns,) in cur.fetchall():
    # ruleid: drop-listed-tables, drop-database-statement
    cur.execute(f'DROP SCHEMA IF EXISTS "{ns}" CASCADE')

# ruleid: drop-database-statement
cur.execute("DROP DATABASE app_production")
# a test's own database
# ok: drop-database-statement
cur.execute("DROP DATABASE IF EXISTS test_app")

# every table SQLAlchemy reflected, emptied
from sqlalchemy import text

names = ", ".join(f'"{t.name}"' for t in meta.sorted_tables)
with engine.begin() as c2:
    # ruleid: drop-listed-tables
    c2.execute(text(f"TRUNCATE TABLE {names} RESTART IDENTITY CASCADE"))
