#!/usr/bin/env python3
"""Run every corpus file through every policy and compare with its label.

Each file's first line (after an optional BOM) is
    # expect: strict=deny standard=deny audit=allow
Prints recall (deny files denied) and false-positive rate (allow files
denied) per policy; exits 1 if any verdict differs from its label.
"""
import json
import os
import re
import subprocess
import sys

LABEL = re.compile(rb"^(?:\xef\xbb\xbf)?# expect: strict=(allow|deny) standard=(allow|deny) audit=(allow|deny)")
POLICIES = ("strict", "standard", "audit")


def labels(corpus):
    out = {}
    for sub in ("deny", "allow"):
        d = os.path.join(corpus, sub)
        for name in sorted(os.listdir(d)):
            if not name.endswith(".py"):
                continue
            path = os.path.join(d, name)
            with open(path, "rb") as f:
                m = LABEL.match(f.readline())
            if not m:
                print(f"{path}:1:1: missing or malformed '# expect:' label")
                sys.exit(2)
            out[path] = dict(zip(POLICIES, (g.decode() for g in m.groups())))
    return out


def main():
    binary, corpus = sys.argv[1], sys.argv[2]
    expect = labels(corpus)
    failures = 0
    for policy in POLICIES:
        r = subprocess.run([binary, "check", "--policy", policy, "--format", "json", *expect],
                           capture_output=True)
        if r.returncode not in (0, 1):
            print(f"portcullis exited {r.returncode} for policy {policy}: {r.stderr.decode(errors='replace')}")
            return 1
        report = json.loads(r.stdout)
        got = {f["path"]: f for f in report["files"]}
        tp = fn = fp = tn = 0
        for path, lab in expect.items():
            f = got.get(path)
            if f is None:
                print(f"FAIL {policy}: {path}: no result")
                failures += 1
                continue
            want, have = lab[policy], f["verdict"]
            deny_file = "/deny/" in path
            if deny_file:
                tp += have == "deny"
                fn += have != "deny"
            else:
                fp += have == "deny"
                tn += have != "deny"
            if want != have:
                failures += 1
                rules = sorted({x["rule"] for x in f["findings"] if x["denies"]}) or \
                    sorted({x["rule"] for x in f["findings"]})
                print(f"FAIL {policy}: {path}: expected {want}, got {have} ({', '.join(rules) or 'no findings'})")
        recall = tp / (tp + fn) if tp + fn else 1.0
        fpr = fp / (fp + tn) if fp + tn else 0.0
        print(f"{policy:9s} recall {recall:6.1%} ({tp}/{tp + fn} deny files denied)  "
              f"false-positive rate {fpr:6.1%} ({fp}/{fp + tn} allow files denied)")
    total = len(expect) * len(POLICIES)
    print(f"corpus: {total - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
