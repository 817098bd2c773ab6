# expect: strict=deny standard=deny audit=allow
import importlib

sp = importlib.import_module("subprocess")
out = sp.run("cat /etc/passwd | head -5", shell=True, capture_output=True, text=True)
print(out.stdout)
