# expect: strict=deny standard=deny audit=allow
formulas = {"area": "w * h", "perimeter": "2 * (w + h)"}
w, h = 3, 4
results = {name: eval(f) for name, f in formulas.items()}
print(results)
