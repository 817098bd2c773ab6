# Tests for rules/secrets.yaml. A "# ruleid: X" line means the next line
# must produce rule X; "# ok: X" means it must not.
# Every credential below is fake. Most are split by implicit string
# concatenation, which the analyzer joins, so secret scanners do not trip.
import os

# ruleid: private-key-block
KEY = "-----BEGIN RSA " "PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----"
# ruleid: private-key-block
SSH_KEY = b"-----BEGIN OPENSSH " b"PRIVATE KEY-----"
# ok: private-key-block
PUBLIC = "-----BEGIN PUBLIC KEY-----"

# ruleid: aws-access-key-id
AWS_ID = "AKIA" "ZZZZEXAMPLE12345"
# ok: aws-access-key-id
LABEL = "AKIA-style ids start with four letters"

# ruleid: aws-secret-access-key, hardcoded-password-string, hardcoded-password-default
aws_secret_access_key = "abcdEFGHijklMNOPqrstUVWXyz0123456789/+AB"

# ruleid: github-token
GH = "ghp_" "aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"
# ruleid: github-token
GH_FINE = "github_pat_" "11ABCDEFG0123456789_abcdefghijklmnop"
# ok: github-token
GH_DOC = "ghp_ tokens are 40 characters"

# ruleid: gitlab-token
GL = "glpat-" "AbCdEfGhIjKlMnOpQrSt"

# ruleid: slack-token
SLACK = "xoxb-" "123456789012-abcdefghijkl"
# ruleid: slack-webhook
HOOK = "https://hooks.slack.com/services/" "T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"

# ruleid: google-api-key
GOOGLE = "AIza" "SyA0123456789abcdefghijklmnopqrstuv"

# ruleid: stripe-live-key
STRIPE = "sk_live_" "0123456789abcdefghijABCD"
# ok: stripe-live-key
STRIPE_TEST = "sk_test_0123456789abcdefghijABCD"

# ruleid: llm-api-key
ANTHROPIC = "sk-ant-api03-" "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij"
# ok: llm-api-key
TASK_ID = "sk-learn-model-01"

# ruleid: huggingface-token
HF = "hf_" "abcdefghijklmnopqrstuvwxyzABCDEFGH"

# ruleid: package-registry-token
NPM = "npm_" "abcdefghijklmnopqrstuvwxyz0123456789"

# ruleid: saas-api-token
SENDGRID = "SG." "abcdefghijklmnopqrstuv" "." "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ"

# ruleid: cloud-connection-string
AZURE = "DefaultEndpointsProtocol=https;AccountName=demo;AccountKey=" "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdef=="

# ruleid: jwt-token
JWT = "eyJ" "hbGciOiJIUzI1NiJ9" "." "eyJ" "zdWIiOiIxMjM0In0" "." "signaturesignature"

# ruleid: url-embedded-credentials
DSN = "postgres://admin:s3cr3tpw@db.internal:5432/app"
# ok: url-embedded-credentials
TEMPLATE = "postgres://{user}:{pw}@db.internal:5432/app"
# ok: url-embedded-credentials
PLAIN_URL = "https://example.com:8443/path"

# ruleid: password-in-string
CONN = "host=db user=admin password=Tr0ub4dor"
# ok: password-in-string
PROMPT = "Enter your password: "
# ok: password-in-string
FORMAT = "password={password}"

# ruleid: hardcoded-password-string, hardcoded-password-default
password = "hunter2"
# ruleid: hardcoded-password-string, hardcoded-password-default
settings = {"password": "hunter2"}


class Client:
    def __init__(self):
        # ruleid: hardcoded-password-string, hardcoded-password-default
        self.api_token = "abc123def"


# todoruleid: hardcoded-password-string
if password == "letmein":
    pass
# ok: hardcoded-password-string
password = ""
# ok: hardcoded-password-string
PASSWORD_VARIABLE = "DB_PASSWORD"
# ok: hardcoded-password-string
tokenizer = "bert-base-uncased"


def connect(**kwargs):
    return kwargs


# ruleid: hardcoded-password-argument, hardcoded-password-string, hardcoded-password-default
connect(user="admin", password="hunter2")
# ok: hardcoded-password-argument
connect(user="admin", password=os.environ["DB_PASSWORD"])


# ruleid: hardcoded-password-default, hardcoded-password-string
def login(user, password="admin123"):
    return user, password


# ruleid: hardcoded-password-default, hardcoded-password-string
def fetch(url, token: str = "abc123def"):
    return url, token


# ok: hardcoded-password-default
def fetch_env(url, token=None):
    return url, token
def _example_key():
    # ruleid: aws-access-key-id
    """A key in a docstring is still in the source: AKIAQ3EGUQ5PLZKX7T4R"""


# AWS's own documentation keys, which tests and scanners' allowlists name
# ok: aws-access-key-id
DOC_KEY_ID = "AKIAIOSFODNN7EXAMPLE"
# ruleid: hardcoded-password-default, hardcoded-password-string
# ok: aws-secret-access-key
aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
