# expect: strict=deny standard=deny audit=allow
import sys


def cmd_start():
    print("starting")


def cmd_stop():
    print("stopping")


def main(action: str) -> None:
    handler = getattr(sys.modules[__name__], "cmd_" + action)
    handler()


if __name__ == "__main__":
    main(sys.argv[1])
