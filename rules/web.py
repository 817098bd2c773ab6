# Tests for rules/web.yaml. A "# ruleid: X" line means the next line must
# produce rule X; "# ok: X" means it must not.
import logging.config
import os
import sqlite3
import subprocess
import wsgiref.handlers

import flask
import jinja2
import markupsafe
from django.db.models.expressions import RawSQL
from django.utils.safestring import mark_safe
from mako.template import Template as MakoTemplate

app = flask.Flask(__name__)
cursor = sqlite3.connect(":memory:").cursor()
name = os.environ.get("NAME", "")
uid = 7

# ruleid: flask-debug-true
# ok: flask-debug-exposed
app.run(debug=True)
# ok: flask-debug-true
app.run(host="127.0.0.1", debug=False)
# ruleid: flask-debug-true
# ok: flask-debug-exposed
app.run(host="127.0.0.1", port=5000, debug=True)
# ruleid: flask-debug-exposed
# ok: flask-debug-true
app.run(host="0.0.0.0", port=8080, debug=True)
# a host known only at run time may be every interface
# ruleid: flask-debug-exposed, flask-debug-true
app.run(host=os.environ.get("HOST"), debug=True)

# ruleid: sql-string-formatting
cursor.execute("SELECT * FROM users WHERE name = '%s'" % name)
# ruleid: sql-string-formatting
cursor.execute(f"SELECT id, email FROM users WHERE id = {uid}")
# ruleid: sql-string-formatting
cursor.execute(f"select * from {name} where id = 1")
# ruleid: sql-string-formatting
cursor.execute("DELETE FROM sessions WHERE user = {}".format(name))
# ruleid: sql-string-formatting
cursor.execute("INSERT INTO logs VALUES ('" + name + "')")
# ok: sql-string-formatting
cursor.execute("SELECT * FROM users WHERE id = ?", (uid,))
# ok: sql-string-formatting
prompt = "Select a file from the list: %s" % name
# ok: sql-string-formatting
heading = f"Update {name} settings"

# ruleid: django-extra
rows = app.objects.extra(where=["name = '%s'" % name])
# ruleid: django-rawsql
expression = RawSQL("SELECT 1", [])

# ruleid: jinja2-autoescape-false
env = jinja2.Environment(autoescape=False)
# ruleid: jinja2-autoescape-missing
env = jinja2.Environment(loader=jinja2.FileSystemLoader("templates"))
# ok: jinja2-autoescape-false, jinja2-autoescape-missing
env = jinja2.Environment(autoescape=jinja2.select_autoescape())
# ruleid: jinja2-autoescape-missing
greeting = jinja2.Template("Hello {{ name }}")

# ruleid: python-template-engine
page = MakoTemplate("<% import os %>${os.getcwd()}")

# ruleid: django-mark-safe
html = mark_safe(name)
# ok: django-mark-safe
html = mark_safe("<b>static</b>")

# ruleid: markup-unescaped
html = markupsafe.Markup(name)
# ok: markup-unescaped
html = markupsafe.Markup("<br>")

# ruleid: template-string-render
page = flask.render_template_string(name)
# ok: template-string-render
page = flask.render_template("index.html", name=name)

# ruleid: shell-wildcard-injection
os.system("tar -czf backup.tgz *")
# ruleid: shell-wildcard-injection
subprocess.call("cd /srv && chown www:www *", shell=True)
# ok: shell-wildcard-injection
os.system("/bin/ls *.txt")

# ruleid: logging-config-listen
listener = logging.config.listen(9999)

# ruleid: httpoxy-cgi-handler
wsgiref.handlers.CGIHandler().run(app)
# SQL hidden in an encoded constant
import base64 as _b64_sql
_RESET_SQL = bytes.fromhex("44524f5020534348454d41207075626c696320434153434144453b")
# ruleid: sql-encoded-statement, drop-database-statement
cursor.execute(_RESET_SQL.decode())
# ruleid: sql-encoded-statement
cursor.executescript(_b64_sql.b64decode("RFJPUCBUQUJMRSB1c2Vyczs=").decode())
# a value decoded from a row is data, not a statement
# ok: sql-encoded-statement
cursor.execute("UPDATE blobs SET body = ? WHERE id = ?", (_b64_sql.b64decode(row_body), row_id))
_DROP_HEX = "44524f50205441424c452075736572733b"
# ruleid: sql-encoded-statement
cursor.execute(bytes.fromhex(_DROP_HEX).decode())
import codecs as _codecs_sql
# ruleid: sql-encoded-statement
cursor.execute(_codecs_sql.decode("QEBQ CGBPHQ", "rot13"))
# every table the database lists, dropped one by one
# ruleid: table-listing-query
cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
for (_tname,) in cursor.fetchall():
    # ruleid: drop-listed-tables
    cursor.execute(f'DROP TABLE IF EXISTS "{_tname}" CASCADE')
# ok: drop-listed-tables
cursor.execute("DROP TABLE IF EXISTS scratch_results")


# the statement's verb folded from pieces, the table from the listing
_VERB = " ".join(["DR" + "OP", "TA" + "BLE", "IF", "EXISTS"])
# ruleid: table-listing-query
cursor.execute("SELECT schemaname, tablename FROM pg_tables")
for _schema, _table in cursor.fetchall():
    # ruleid: drop-listed-tables
    cursor.execute(f'{_VERB} "{_schema}"."{_table}" CASCADE')

