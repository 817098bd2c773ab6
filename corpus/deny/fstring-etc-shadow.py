# expect: strict=deny standard=deny audit=allow
base = "/etc"
print(open(f"{base}/shadow").read())
