# expect: strict=deny standard=deny audit=allow
def area(w, h):
    result = w * h
      return result
