# expect: strict=deny standard=deny audit=allow
"""Access check."""
role = "guest"
if role != "none‮ ⁦": # only admins⁩ ⁦" and role != "guest":
    print("welcome, administrator")
