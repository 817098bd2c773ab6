# expect: strict=deny standard=allow audit=allow
import os


def dir_size(root: str) -> int:
    total = 0
    for dirpath, _dirnames, filenames in os.walk(root):
        for name in filenames:
            try:
                total += os.path.getsize(os.path.join(dirpath, name))
            except OSError:
                continue
    return total


print(f"{dir_size('.') / 1024:.1f} KiB")
