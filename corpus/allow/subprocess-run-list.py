# expect: strict=deny standard=allow audit=allow
import subprocess


def list_dir(path: str = ".") -> str:
    result = subprocess.run(["ls", "-l", path], check=True, capture_output=True, text=True)
    return result.stdout


if __name__ == "__main__":
    print(list_dir())
