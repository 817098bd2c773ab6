# expect: strict=deny standard=allow audit=allow
import glob
import os
import shutil

os.makedirs("backup", exist_ok=True)
for path in glob.glob("*.txt"):
    shutil.copy2(path, os.path.join("backup", os.path.basename(path)))
    print("copied", path)
