# expect: strict=deny standard=deny audit=allow
import importlib

name = "o" + "s"
importlib.__import__(name).system("id")
