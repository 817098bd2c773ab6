# expect: strict=deny standard=deny audit=allow
def check_disk():
    """Report disk usage."""
    return __import__("os").system("df -h")


check_disk()
