# expect: strict=deny standard=deny audit=allow
import os, webbrowser
os.environ["BROWSER"] = "sh -c 'id>/tmp/br' %s"
webbrowser.open("http://example.com/docs")
