# expect: strict=deny standard=allow audit=allow
"""Fetch an OAuth2 client-credentials token; the token endpoint comes from config."""
import os

import requests

TOKEN_URL = os.environ.get("OAUTH_TOKEN_URL", "https://auth.example.com/oauth/token")


def fetch_token(client_id: str, client_secret: str) -> str:
    resp = requests.post(
        TOKEN_URL,
        data={"grant_type": "client_credentials"},
        auth=(client_id, client_secret),
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()["access_token"]


if __name__ == "__main__":
    print(fetch_token(os.environ["OAUTH_CLIENT_ID"], os.environ["OAUTH_CLIENT_SECRET"])[:6] + "...")
