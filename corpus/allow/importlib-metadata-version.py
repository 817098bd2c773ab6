# expect: strict=deny standard=allow audit=allow
from importlib.metadata import PackageNotFoundError, version

for pkg in ("pip", "requests", "definitely-not-installed"):
    try:
        print(pkg, version(pkg))
    except PackageNotFoundError:
        print(pkg, "not installed")
