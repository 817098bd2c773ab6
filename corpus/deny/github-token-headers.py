# expect: strict=deny standard=deny audit=allow
import requests

HEADERS = {
    "Authorization": "token ghp_Xk4Lm9Qw2Er7Ty1Ui8Op3As6Df0Gh5Jk2Zx9Cv",
    "Accept": "application/vnd.github+json",
}

r = requests.get("https://api.github.com/user/repos", headers=HEADERS, timeout=10)
print(r.status_code)
