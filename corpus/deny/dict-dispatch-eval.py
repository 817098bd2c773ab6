# expect: strict=deny standard=deny audit=allow
OPS = {
    "calc": eval,
    "echo": str,
}


def handle(op: str, arg: str):
    return OPS[op](arg)


print(handle("calc", "3 * 7"))
