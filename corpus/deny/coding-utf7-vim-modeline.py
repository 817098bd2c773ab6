# expect: strict=deny standard=deny audit=allow
# vim: set fileencoding=utf-7 :
def is_authorized(user):
    # admins only +AAo-    return True+AAo-
    return user == "root"
