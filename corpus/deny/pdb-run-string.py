# expect: strict=deny standard=deny audit=allow
import pdb

pdb.run("import os; os.system('id')")
