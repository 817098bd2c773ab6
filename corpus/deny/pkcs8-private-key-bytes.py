# expect: strict=deny standard=deny audit=allow
TLS_KEY = (b"-----BEGIN PRIVATE KEY-----\n"
           b"MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7mXq2dLk9WzTr\n"
           b"-----END PRIVATE KEY-----\n")


def ssl_context():
    return TLS_KEY
