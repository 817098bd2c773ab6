# expect: strict=deny standard=allow audit=allow
"""CLI with a friendly global exception hook."""
import argparse
import json
import sys
import traceback
from pathlib import Path

DEBUG = False


def excepthook(exc_type, exc, tb) -> None:
    if DEBUG:
        traceback.print_exception(exc_type, exc, tb)
    else:
        print(f"error: {exc}", file=sys.stderr)
        print("(run with --debug for a full traceback)", file=sys.stderr)


sys.excepthook = excepthook


def merge_json(files: list[Path]) -> dict:
    merged: dict = {}
    for f in files:
        data = json.loads(f.read_text())
        if not isinstance(data, dict):
            raise ValueError(f"{f} does not contain a JSON object")
        merged.update(data)
    return merged


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description="Merge JSON objects")
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("-o", "--output", type=Path, default=Path("merged.json"))
    ap.add_argument("--debug", action="store_true")
    args = ap.parse_args()
    DEBUG = args.debug
    result = merge_json(args.files)
    args.output.write_text(json.dumps(result, indent=2, sort_keys=True))
    print(f"merged {len(args.files)} files -> {args.output} ({len(result)} keys)")
