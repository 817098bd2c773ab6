# expect: strict=deny standard=allow audit=allow
import requests


def fetch_json(url: str) -> dict:
    resp = requests.get(url, timeout=10)
    resp.raise_for_status()
    return resp.json()


if __name__ == "__main__":
    data = fetch_json("https://api.github.com/repos/python/cpython")
    print(data.get("stargazers_count"))
