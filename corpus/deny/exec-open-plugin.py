# expect: strict=deny standard=deny audit=allow
import glob

for path in sorted(glob.glob("plugins/*.py")):
    with open(path) as fh:
        exec(fh.read(), {"__name__": "plugin"})
