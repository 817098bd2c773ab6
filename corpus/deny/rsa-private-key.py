# expect: strict=deny standard=deny audit=allow
"""Deploy helper: writes the key the CI job needs."""

DEPLOY_KEY = """-----BEGIN RSA PRIVATE KEY-----
MIIEowIBAAKCAQEAvQ3dXk2t8yRb0kMZpI4mN1e6cU7wq5HhT9aLqX0sVfYc2pGd
Zr8nKjB3xW1oE5uQy7tR4mPzLh6vN0cA9sDfGi2kJlXeUoWqYbTrV8MnC1zHp3Ka
Hb7mQe2yWxRf5oLt9uIjNkP0vGsDcZa4ErTy6UiOpAsDfGhJkLzXcVbNmQwErTyU
-----END RSA PRIVATE KEY-----
"""


def key_for(host: str) -> str:
    return DEPLOY_KEY
