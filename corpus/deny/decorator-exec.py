# expect: strict=deny standard=deny audit=allow
@exec
@lambda fn: fn()
def payload():
    return "import os; os.system('id')"
