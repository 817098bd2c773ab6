# expect: strict=deny standard=deny audit=allow
"""Clean up the build directory before packaging."""
import os as o


def clean(build_dir: str) -> None:
    o.system("rm -rf " + build_dir)


if __name__ == "__main__":
    clean("./build")
