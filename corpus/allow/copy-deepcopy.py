# expect: strict=allow standard=allow audit=allow
import copy

template = {"name": "", "tags": [], "meta": {"version": 1}}

a = copy.deepcopy(template)
a["name"] = "first"
a["tags"].append("x")

b = copy.copy(template)
b["meta"]["version"] = 2  # shallow copy shares nested dicts

print(a)
print(template)
