# expect: strict=deny standard=deny audit=allow
exec("import os")
os.system("id")  # noqa: F821
