# expect: strict=deny standard=allow audit=allow
import argparse


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description="Resize images (dry run).")
    p.add_argument("files", nargs="+")
    p.add_argument("--width", type=int, default=800)
    p.add_argument("--verbose", action="store_true")
    return p


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    options = vars(args)
    for f in args.files:
        print(f"would resize {f} to {args.width}px", "(verbose)" if args.verbose else "")
    print(options)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
