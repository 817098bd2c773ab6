# expect: strict=deny standard=deny audit=allow
import inspect


def who_called():
    outer = inspect.stack()[1].frame
    return outer.f_globals.get("API_KEY")


API_KEY = "abc"
print(who_called())
