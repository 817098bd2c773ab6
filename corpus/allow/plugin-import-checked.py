# expect: strict=deny standard=allow audit=allow
"""Export a report in the format the user picks."""
import importlib
import sys

FORMATS = ("json", "csv")


def exporter(name):
    return importlib.import_module(name)


if __name__ == "__main__":
    fmt = sys.argv[1] if len(sys.argv) > 1 else "json"
    if fmt not in FORMATS:
        sys.exit(f"choose one of: {', '.join(FORMATS)}")
    print(exporter(fmt).__name__)
