# expect: strict=deny standard=allow audit=allow
"""Build the docs and publish them to the gh-pages branch."""
import subprocess
import sys


def git(*args):
    cmd = ["git"]
    cmd += list(args)
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def main():
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", "site"], check=True)
    git("checkout", "gh-pages")
    git("add", "-f", "site/")
    git("commit", "-m", "docs: publish")
    git("push", "origin", "gh-pages")
    git("checkout", "-")


if __name__ == "__main__":
    main()
