# a browser's cookie store reached through a helper's parameter: the
# helper's one call passes the home directory, so the path is folded with it
from pathlib import Path


def _profiles(home: Path) -> list[Path]:
    # ruleid: sensitive-credential-path
    return list((home / ".mozilla" / "firefox").glob("*/cookies.sqlite"))


def _collect(base: Path) -> list[Path]:
    return _profiles(base)


def _render(folder: Path, name: str) -> Path:
    # ok: sensitive-credential-path
    return folder / ".cache" / name


def main() -> None:
    home = Path.home()
    print(_collect(home))
    # called twice with different values: the parameter is not one string
    _render(home, "a.txt")
    _render(Path("out"), "b.txt")


main()
