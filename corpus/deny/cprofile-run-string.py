# expect: strict=deny standard=deny audit=allow
import cProfile
cProfile.run("import os; os.system('id')")
