#!/bin/bash
# Every file of the machine's Python standard library must produce a report
# (denials are fine): no error, no crash, one result per file.
set -euo pipefail
bin=$1
stdlib=$(/usr/bin/python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
out=$(mktemp)
trap 'rm -f "$out"' EXIT
set +e
"$bin" check --policy audit --format json -o "$out" "$stdlib"
rc=$?
set -e
if [ "$rc" -ne 0 ]; then
    echo "stdlib: portcullis exited $rc (audit never denies: expected 0)"
    exit 1
fi
want=$(find "$stdlib" \( -name .git -o -name __pycache__ -o -name node_modules \) -prune -o -name '*.py' -type f -print | wc -l)
/usr/bin/python3 - "$out" "$want" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
files, errors = len(r["files"]), r["errors"]
want = int(sys.argv[2])
print(f"stdlib: {files} files analyzed ({want} .py files found), {len(errors)} errors, "
      f"{r['stats']['findings']} findings, {r['stats']['lines']} lines, {r['stats']['time_ms']:.0f} ms")
for e in errors[:20]:
    print("  error:", e["path"], e["message"])
ok = not errors and files >= want * 0.98
print("stdlib: 1 passed, 0 failed" if ok else "stdlib: 0 passed, 1 failed")
sys.exit(0 if ok else 1)
PY
