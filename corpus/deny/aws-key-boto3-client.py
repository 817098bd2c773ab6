# expect: strict=deny standard=deny audit=allow
import boto3

s3 = boto3.client(
    "s3",
    aws_access_key_id="AKIAJ4N8B2V6C3X5Z7M1",
    aws_secret_access_key="uR7t/Ye3Wq9Zp1Lk5Mn8Bv2Cx4Df6Gh0Jk2Lm4Nb",
)
print(s3.list_buckets())
