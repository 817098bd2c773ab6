import tarfile
import urllib.request

ARCHIVE = "data/set.tgz"
urllib.request.urlretrieve("https://data.example.org/set.tgz", ARCHIVE)
# ruleid: tar-extract-downloaded
with tarfile.open(ARCHIVE, "r:*") as tar:
    # ruleid: tar-extract-unfiltered
    tar.extractall(path="data")

# the project's own archive, extracted with the data filter
# ok: tar-extract-downloaded
with tarfile.open("backups/site.tgz") as own:
    own.extractall(path="restore", filter="data")
