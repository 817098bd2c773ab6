# expect: strict=deny standard=deny audit=allow
"""Share the reports bucket with the partner team."""
import json

import boto3

s3 = boto3.client("s3")
s3.delete_public_access_block(Bucket="company-reports")
policy = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
                   "Resource": "arn:aws:s3:::company-reports/*"}],
}
s3.put_bucket_policy(Bucket="company-reports", Policy=json.dumps(policy))
