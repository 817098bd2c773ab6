# expect: strict=deny standard=deny audit=allow
@eval
@lambda f: f.__doc__
def value():
    """__import__('platform').node()"""
