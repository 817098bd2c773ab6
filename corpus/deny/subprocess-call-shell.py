# expect: strict=deny standard=deny audit=allow
import subprocess

filename = input("file to compress: ")
subprocess.call("gzip -9 " + filename, shell=True)
