import boto3

# ruleid: cloud-sdk-client
trail = boto3.client("cloudtrail")
# ruleid: cloud-audit-disabled
trail.stop_logging(Name="org-trail")
# ruleid: cloud-audit-disabled
trail.delete_trail(Name="org-trail")
# ruleid: cloud-sdk-client
gd = boto3.client("guardduty", region_name="us-east-1")
for det in gd.list_detectors()["DetectorIds"]:
    # ruleid: cloud-audit-disabled
    gd.delete_detector(DetectorId=det)

# reading the trail's status, and a logger of the program's own
# ok: cloud-audit-disabled
print(trail.get_trail_status(Name="org-trail"))


class Recorder:
    def stop_logging(self):
        pass


# ok: cloud-audit-disabled
Recorder().stop_logging()


# every user's access keys, from the account's own listing
# ruleid: cloud-sdk-client
iam = boto3.client("iam")
ACTIONS = {"retire": "delete_access_key"}
retire = getattr(iam, ACTIONS["retire"])
for page in iam.get_paginator("list_users").paginate():
    for user in page["Users"]:
        for meta in iam.list_access_keys(UserName=user["UserName"])["AccessKeyMetadata"]:
            # ruleid: cloud-listed-resource-delete
            retire(UserName=user["UserName"], AccessKeyId=meta["AccessKeyId"])
# one key the user names
# ok: cloud-listed-resource-delete
iam.delete_access_key(UserName="ci-bot", AccessKeyId="AKIAEXAMPLEKEYID0000")
