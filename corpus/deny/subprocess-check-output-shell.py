# expect: strict=deny standard=deny audit=allow
import subprocess

def count_lines(path):
    out = subprocess.check_output(f"wc -l {path}", shell=True)
    return int(out.split()[0])
