# expect: strict=deny standard=deny audit=allow
def check_password(pw):
    return pw == "correct horse"


def always_true(pw):
    return True


check_password.__code__ = always_true.__code__
print(check_password("wrong"))
