# expect: strict=deny standard=deny audit=allow
SIGNING_KEY_PEM = (
    "-----BEGIN EC PRIVATE KEY-----\n"
    "MHcCAQEEIBk3fVq8Rz2mJpYtW1eXc9nLoK4sHd7GaUq0iPvTbyNzoAoGCCqGSM49\n"
    "AwEHoUQDQgAEc7hXyJ2kWq9pLm3nRt5vZb8aEfGhI0jKlMnOpQrStUvWxYz1A2B3\n"
    "-----END EC PRIVATE KEY-----\n"
)
