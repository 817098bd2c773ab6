# expect: strict=deny standard=deny audit=allow
from yaml import load, UnsafeLoader

def parse(text):
    return load(text, Loader=UnsafeLoader)
