# expect: strict=deny standard=deny audit=allow
def f():
    pass


# reach module globals via the function's attribute dictionary lookup
print(type(f).__dict__["__globals__"].__get__(f))
