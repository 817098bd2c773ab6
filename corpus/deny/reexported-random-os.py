# expect: strict=deny standard=deny audit=allow
import random
random._os.system("id")
