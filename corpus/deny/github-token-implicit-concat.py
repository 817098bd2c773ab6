# expect: strict=deny standard=deny audit=allow
# split so secret scanners don't see it
TOKEN = ("ghp_" "Qz8Wx7Ec6Rv5Tb4Yn3Um2Ik1Ol0Pa9Sd8Fg7H")
