# expect: strict=deny standard=deny audit=allow
import urllib.request

repo = "example/private-repo"
req = urllib.request.Request(
    f"https://api.github.com/repos/{repo}",
    headers={"Authorization": f"Bearer ghp_Ab3Cd5Ef7Gh9Ij1Kl3Mn5Op7Qr9St1Uv3Wx5 for {repo}"},
)
