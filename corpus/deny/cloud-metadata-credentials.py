# expect: strict=deny standard=deny audit=allow
# Asks the cloud instance-metadata service for the machine's role
# credentials, which it hands to any process that asks.
import json
import urllib.request

BASE = "http://169.254.169.254/latest/meta-data/iam/security-credentials/"
role = urllib.request.urlopen(BASE, timeout=2).read().decode().strip()
creds = json.loads(urllib.request.urlopen(BASE + role, timeout=2).read())
print(creds["AccessKeyId"], creds["SecretAccessKey"])
