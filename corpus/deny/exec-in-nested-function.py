# expect: strict=deny standard=deny audit=allow
def make_runner():
    def inner(src):
        def deeper():
            exec(src)
        return deeper
    return inner


make_runner()("print('nested exec')")()
