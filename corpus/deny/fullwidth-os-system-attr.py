# expect: strict=deny standard=deny audit=allow
import os

os.ｓｙｓｔｅｍ("uname -a")
