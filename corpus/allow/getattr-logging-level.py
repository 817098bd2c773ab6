# expect: strict=deny standard=allow audit=allow
"""CLI with a configurable log level."""
import argparse
import logging
import sys


def parse_args(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser()
    p.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    p.add_argument("numbers", nargs="*", type=float)
    return p.parse_args(argv)


def main() -> int:
    args = parse_args()
    logging.basicConfig(level=getattr(logging, args.log_level.upper()), format="%(levelname)s: %(message)s")
    log = logging.getLogger("stats")
    if not args.numbers:
        log.error("no numbers given")
        return 1
    log.debug("got %d numbers", len(args.numbers))
    mean = sum(args.numbers) / len(args.numbers)
    log.info("mean = %.3f", mean)
    print(mean)
    return 0


if __name__ == "__main__":
    sys.exit(main())
