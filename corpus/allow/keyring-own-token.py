# expect: strict=deny standard=allow audit=allow
"""Log in once and keep the API token in the system keyring under this tool's own name."""
import getpass
import sys

import keyring
import requests

SERVICE = "notetool"


def login(user):
    password = getpass.getpass(f"password for {user}: ")
    r = requests.post("https://api.notetool.example.com/token", json={"user": user, "password": password}, timeout=10)
    r.raise_for_status()
    keyring.set_password(SERVICE, user, r.json()["token"])


def token(user):
    return keyring.get_password(SERVICE, user)


if __name__ == "__main__":
    user = sys.argv[1]
    if token(user) is None:
        login(user)
    print("logged in")
