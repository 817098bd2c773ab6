# expect: strict=deny standard=deny audit=allow
def make_getter(field: str):
    ns = {}
    exec(f"def get_{field}(obj):\n    return obj['{field}']", ns)
    return ns[f"get_{field}"]


get_name = make_getter("name")
print(get_name({"name": "Ada"}))
