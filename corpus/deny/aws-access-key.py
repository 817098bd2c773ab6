# expect: strict=deny standard=deny audit=allow
AWS_CONFIG = {
    "aws_access_key_id": "AKIAZ7Q3M4XK2PLW9RTB",
    "aws_secret_access_key": "q8Vd2Lk+Xn4Rj7Ws1Pt0Yz6Hb3Gf5Ma9Ce2Nu8Ko",
    "region_name": "us-east-1",
}


def client_kwargs():
    return dict(AWS_CONFIG)
