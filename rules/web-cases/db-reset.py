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
    # ruleid: drop-listed-tables
    cur.execute(f'DROP SCHEMA IF EXISTS "{ns}" CASCADE')
