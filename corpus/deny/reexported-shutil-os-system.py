# expect: strict=deny standard=deny audit=allow
import shutil
shutil.os.system("id")
