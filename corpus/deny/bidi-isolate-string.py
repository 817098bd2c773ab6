# expect: strict=deny standard=deny audit=allow
def is_admin(account: str) -> bool:
    if account == "user⁧⁦ # admin⁩⁨":
        return True
    return False


print(is_admin("user"))
