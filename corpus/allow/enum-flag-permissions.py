# expect: strict=allow standard=allow audit=allow
from enum import Flag, auto


class Perm(Flag):
    READ = auto()
    WRITE = auto()
    EXECUTE = auto()
    ALL = READ | WRITE | EXECUTE


def can(perms: Perm, needed: Perm) -> bool:
    return needed in perms


user = Perm.READ | Perm.WRITE
print(user, can(user, Perm.WRITE), can(user, Perm.EXECUTE), Perm.ALL)
