#!/bin/bash
# Adopting portcullis on existing code: --exclude, .portcullis.yaml,
# --baseline / --write-baseline, --fail-on, and `rules test`.
# usage: adoption_test.sh PORTCULLIS SOURCE_DIR   (PORTCULLIS_RULES set)
set -uo pipefail
P=$(realpath "$1")
src=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unset PORTCULLIS_CONFIG
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
pass() { echo "PASS: $*"; }
# run: status in $rc, stdout in $out, stderr in $err
run() {
    out=$("$@" 2>"$work/stderr")
    rc=$?
    err=$(cat "$work/stderr")
}
expect_rc() { # name want
    if [ "$rc" -eq "$2" ]; then pass "$1"; else fail "$1: exit $rc, want $2; stdout: ${out:0:600} stderr: $err"; fi
}
has() { grep -qF -- "$2" <<<"$1"; }

proj=$work/proj
mkdir -p "$proj/src/gen" "$proj/build" "$proj/src/deep/er"
cd "$proj" || exit 1
printf 'import os\nos.system("ls " + x)\n' >src/a.py
printf 'import pickle\npickle.loads(b)\n' >src/gen/b_pb2.py
printf 'eval(input())\n' >build/c.py
printf 'print(sum(range(3)))\n' >src/deep/er/ok.py

# ---- --exclude
run "$P" check .
expect_rc "denied files found without excludes" 1
run "$P" check --exclude build --exclude '*_pb2.py' --format json .
expect_rc "exclude: directory and glob" 1
has "$out" '"path": "./src/a.py"' && ! has "$out" b_pb2 && ! has "$out" c.py && pass "exclude: only src/a.py left" ||
    fail "exclude: wrong files: $out"
run "$P" check --exclude 'src/*' --exclude build .
expect_rc "exclude: a glob over a subtree leaves nothing denied" 0
run "$P" check --exclude '*.py' src/a.py
expect_rc "exclude applies to files named on the command line" 0
run "$P" check --exclude 'deep/er' src
has "$out" "ok.py" && fail "exclude: a leading directory part (deep/er) did not exclude" || pass "exclude: a directory path inside the tree"

# ---- .portcullis.yaml, found from a subdirectory; relative paths from its directory
cat >.portcullis.yaml <<'YAML'
# project settings
policy: strict
exclude: [build, "gen/*"]
YAML
(cd src/deep && run "$P" check --format json "$proj/src" && echo "$rc" >"$work/rc" && echo "$out" >"$work/out")
rc=$(cat "$work/rc")
out=$(cat "$work/out")
has "$out" '"policy": "strict"' && pass "config found walking up: policy strict" || fail "config policy not applied: ${out:0:300}"
has "$out" b_pb2 && fail "config exclude (gen/*) not applied from a subdirectory" || pass "config excludes are relative to the config's directory"
run "$P" check --policy standard --format json src
has "$out" '"policy": "standard"' && pass "--policy wins over the config" || fail "flag did not win: ${out:0:200}"
run "$P" check --no-config --format json .
has "$out" c.py && pass "--no-config ignores the file" || fail "--no-config: ${out:0:200}"
printf 'policy: strict\nexlude: [x]\n' >.portcullis.yaml
run "$P" check src
expect_rc "config: unknown key is an error" 2
has "$err" ".portcullis.yaml:2:1: unknown key 'exlude'" && pass "config error names file:line:col" || fail "config error: $err"
printf 'fail-on: severe\n' >.portcullis.yaml
run "$P" check src
expect_rc "config: bad fail-on is an error" 2
printf 'policy: [a, b]\n' >.portcullis.yaml
run "$P" check src
expect_rc "config: policy must be a string" 2
printf '# nothing set yet\n' >.portcullis.yaml
run "$P" check src/deep
expect_rc "config: a file of comments only sets nothing" 0
rm .portcullis.yaml
printf 'rules: [missing-rules.yaml]\n' >.portcullis.yaml
run "$P" check src/deep
expect_rc "config: a rules path that does not exist is an error" 2
has "$err" ".portcullis.yaml:1:8: 'rules': missing-rules.yaml" && pass "config: the missing rules file is named with the config's position" ||
    fail "config rules error: $err"
printf 'policy: no-such-policy\n' >.portcullis.yaml
run "$P" check src/deep
has "$err" "(policy set in $proj/.portcullis.yaml)" && pass "config: an unknown policy names the config file" || fail "config policy error: $err"
rm .portcullis.yaml
PORTCULLIS_CONFIG=$work/none.yaml run "$P" check src/deep
expect_rc "PORTCULLIS_CONFIG naming a missing file is an error" 2

# ---- baselines
run "$P" check --write-baseline base.json src
expect_rc "write-baseline accepts every finding" 0
has "$err" "wrote base.json: 3 findings accepted" && pass "write-baseline says what it wrote" || fail "write-baseline: $err"
python3 -c 'import json,sys; d=json.load(open("base.json")); assert d["portcullis_baseline"]==1 and len(d["findings"])==3, d' &&
    pass "baseline is JSON with 3 findings" || fail "baseline content"
run "$P" check --baseline base.json src
expect_rc "baseline: the same code passes" 0
has "$out" "3 in the baseline" && pass "report counts baselined findings" || fail "baselined count: $out"
# unrelated edits move the finding down: still in the baseline
printf '"""Module doc."""\n\nimport os\n\n\ndef helper():\n    return 1\n\n\nos.system("ls " + x)\n' >src/a.py
run "$P" check --baseline base.json src
expect_rc "baseline: moved lines keep their fingerprints" 0
# a new finding is reported and denies
printf '"""Module doc."""\n\nimport os\n\n\ndef helper():\n    return 1\n\n\nos.system("ls " + x)\nos.system("rm -rf " + y)\n' >src/a.py
run "$P" check --baseline base.json src
expect_rc "baseline: a new finding denies" 1
has "$out" "src/a.py:11:1: critical shell-command" && ! has "$out" "src/a.py:10:" && pass "only the new finding is reported" ||
    fail "baseline report: $out"
# an identical second copy of a baselined line is new
printf 'import os\nos.system("ls " + x)\nos.system("ls " + x)\n' >src/a.py
run "$P" check --baseline base.json src
expect_rc "baseline: a duplicate of an accepted line is new" 1
# editing the flagged line makes it new
printf 'import os\nos.system("ls -la " + x)\n' >src/a.py
run "$P" check --baseline base.json src
expect_rc "baseline: an edited flagged line is new" 1
# paths are relative to the baseline file: the same result from another directory
printf 'import os\nos.system("ls " + x)\n' >src/a.py
(cd src && "$P" check --baseline ../base.json . >/dev/null 2>&1)
rc=$?
expect_rc "baseline: paths resolved from the baseline's directory" 0
printf '{"portcullis_baseline": 1, "findings": [}' >broken.json
run "$P" check --baseline broken.json src
expect_rc "baseline: invalid JSON is an error" 2
has "$err" "broken.json:1:" && pass "baseline error names file:line" || fail "baseline error: $err"
printf '{"findings": []}' >other.json
run "$P" check --baseline other.json src
expect_rc "baseline: a JSON file that is not a baseline is an error" 2
run "$P" check --baseline missing.json src
expect_rc "baseline: a missing file is an error" 2
run "$P" check --baseline "$work" src
has "$err" "cannot read the baseline: not a regular file" && pass "baseline: a directory is refused clearly" || fail "baseline dir: $err"
printf 'baseline: base.json\n' >.portcullis.yaml
run "$P" check src
expect_rc "config baseline applies" 0
rm .portcullis.yaml

# ---- --fail-on
printf 'import subprocess\n' >low.py # a low finding: allowed by standard
run "$P" check low.py
expect_rc "fail-on: without it a low finding passes" 0
run "$P" check --fail-on low low.py
expect_rc "fail-on low: a low finding fails" 1
run "$P" check --fail-on critical src/gen/b_pb2.py
expect_rc "fail-on critical: a critical finding fails" 1
printf 'import pickle\n' >lowonly.py
run "$P" check --policy strict --fail-on critical lowonly.py
expect_rc "fail-on critical: a strict denial below critical passes" 0
run "$P" check --fail-on severe low.py
expect_rc "fail-on: unknown severity is a usage error" 2

# ---- report files are created with the usual permissions, not mkstemp's 0600
umask 022
run "$P" check --format json -o report.json src/deep
[ "$(stat -c %a report.json)" = 644 ] && pass "-o file mode 0644 under umask 022" || fail "-o mode $(stat -c %a report.json)"

# ---- rules test
run "$P" rules test "$src/rules"
expect_rc "rules test: every shipped rule file passes" 0
has "$out" " passed, 0 failed" && pass "rules test summary" || fail "rules test: ${out: -300}"
mkdir -p rt
cat >rt/house.yaml <<'YAML'
rules:
  - id: house-sleep
    message: No sleeping. Return instead.
    severity: high
    confidence: high
    cwe: CWE-400
    match:
      call: [time.sleep]
  - id: house-exit
    message: No exiting. Return instead.
    severity: low
    confidence: high
    cwe: CWE-705
    match:
      call: [sys.exit]
YAML
cat >rt/house.py <<'PY'
import sys
import time

# ruleid: house-sleep
time.sleep(1)
# ok: house-sleep
sleep = 1
# ruleid: house-sleep
# ok: house-exit
time.sleep(2)
# ruleid: house-exit
sys.exit(0)
# ok: house-sleep
time.sleep(3)
time.sleep(4)
# todoruleid: house-exit
raise SystemExit
PY
run "$P" rules test rt/house.yaml
expect_rc "rules test: mismatches fail" 1
has "$out" "rt/house.py:14: FAIL unexpected finding of house-sleep here (ok)" && pass "rules test: ok violated, with file:line" ||
    fail "rules test ok: $out"
has "$out" "rt/house.py:15: FAIL unexpected finding of house-sleep (no annotation)" && pass "rules test: unannotated finding" ||
    fail "rules test unannotated: $out"
has "$out" "5 passed, 2 failed (1 known gap marked todo); 1 rule file" && pass "rules test: summary counts" ||
    fail "rules test summary: $out"
sed -i 's/^time.sleep(3)$/pass/; s/^time.sleep(4)$/pass/' rt/house.py
run "$P" rules test rt
expect_rc "rules test: a clean rule file passes" 0
printf 'rules:\n  - id: orphan\n    message: x.\n    severity: low\n    confidence: low\n    cwe: CWE-1\n    match:\n      call: [a.b]\n' >rt/orphan.yaml
run "$P" rules test rt/orphan.yaml
expect_rc "rules test: a rule file without a test file fails" 1
has "$out" "no test file" && pass "rules test: missing test file named" || fail "rules test missing: $out"
printf 'a.b()\n' >rt/orphan.py
printf 'rules:\n  - id: orphan\n    message: x.\n    severity: low\n    confidence: low\n    cwe: CWE-1\n    match:\n      call: [a.b]\n  - id: untested\n    message: y.\n    severity: low\n    confidence: low\n    cwe: CWE-1\n    match:\n      call: [c.d]\n' >rt/orphan.yaml
printf '# ruleid: orphan\na.b()\n# ruleid: nosuch\nx = 1\n' >rt/orphan.py
run "$P" rules test rt/orphan.yaml
has "$out" "unknown rule id 'nosuch'" && has "$out" "rule untested has no '# ruleid:' case" && pass "rules test: unknown ids and untested rules fail" ||
    fail "rules test orphan: $out"
printf 'rules:\n  - id: bad\n    severity: extreme\n' >rt/bad.yaml
run "$P" rules test rt/bad.yaml
expect_rc "rules test: an invalid rule file fails" 1
has "$out" "rt/bad.yaml:" && pass "rules test: invalid rule file reported with its position" || fail "rules test bad: $out"

# ---- check --audit, and the log set by the config and by the policy
rm -f "$work/check.log"
run "$P" check --audit "$work/check.log" src/a.py src/deep
expect_rc "check --audit: the verdict is unchanged" 1
python3 - "$work/check.log" src/a.py <<'PY' && pass "check record: command, verdict, rules, code digests" || fail "check record"
import hashlib, json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
assert len(recs) == 1, recs
r = recs[0]
assert r["command"] == "check" and r["verdict"] == "deny" and r["policy"] == "standard", r
assert len(r["rules_sha256"]) == 64 and len(r["policy_sha256"]) == 64, r
f = {x["path"]: x for x in r["files"]}
a = f[sys.argv[2]]
assert a["verdict"] == "deny" and a["rules"] == ["shell-command"], a
assert a["code_sha256"] == hashlib.sha256(open(sys.argv[2], "rb").read()).hexdigest(), a
assert f["src/deep/er/ok.py"]["verdict"] == "allow"
PY
printf 'audit: %s\n' "$work/config.log" >.portcullis.yaml
run "$P" check src/deep
expect_rc "config audit: check still allows" 0
[ -s "$work/config.log" ] && pass "the config's audit log gets the record" || fail "no record in the config's log"
rm .portcullis.yaml
printf 'policy: audited\nrulesets: [code-exec]\naudit: policy.log\n' >audited.yaml
run "$P" check --policy "$proj/audited.yaml" src/deep
expect_rc "policy audit: check allows" 0
[ -s "$proj/policy.log" ] && pass "the policy's audit log (relative to the policy) gets the record" || fail "no record in the policy's log: $err"
run "$P" audit verify "$proj/policy.log"
expect_rc "the check records verify" 0
printf '{"v":1,"seq":1,"trunc' >>"$proj/policy.log"
run "$P" check --policy "$proj/audited.yaml" src/deep
expect_rc "check refuses a log that ends in a truncated record" 2
mkdir -p many
for i in $(seq 1 520); do printf 'x = %d\n' "$i" >"many/f$i.py"; done
printf 'eval(x)\n' >many/z_bad.py
run "$P" check --audit "$work/many.log" many
expect_rc "check of 521 files" 1
python3 - "$work/many.log" <<'PY' && pass "a big check records a digest of the list and the denied files" || fail "big check record"
import json, sys
r = json.loads(open(sys.argv[1]).read())
f = r["files"]
assert f["count"] == 521 and len(f["list_sha256"]) == 64, f
assert [d["path"] for d in f["denied"]] == ["many/z_bad.py"], f["denied"]
PY

# ---- found in review: long arguments, audit errors, input findings, foreign configs
long=$(python3 -c "print('x/' * 1100 + 'a.py')")
run "$P" check "$long"
expect_rc "a 2 KiB path that does not exist is an error, not a crash" 2
rm -f "$work/err.log"
run "$P" check --audit "$work/err.log" src/deep missing-file.py
expect_rc "check with a missing file exits 2" 2
python3 - "$work/err.log" <<'PY' && pass "the audit record counts the missing file" || fail "audit record of a failed check: $(cat "$work/err.log")"
import json, sys
r = json.loads(open(sys.argv[1]).read())
assert r["errors"] == 1 and r["verdict"] == "error", r
PY
printf 'x = "abc\u202edef"\n' >bidi.py
run "$P" check --write-baseline bidi-base.json bidi.py
run "$P" check --baseline bidi-base.json bidi.py
expect_rc "a baseline never accepts input problems (bidi controls)" 1
printf 'policy: audit\n' >.portcullis.yaml
chmod 666 .portcullis.yaml
run "$P" check --format json src/a.py
has "$out" '"policy": "standard"' && has "$err" "ignoring $proj/.portcullis.yaml" && pass "a config others can write is ignored, with a note" ||
    fail "world-writable config: $err ${out:0:200}"
rm -f .portcullis.yaml
umask 022
run "$P" check --write-baseline mode-base.json src
[ "$(stat -c %a mode-base.json)" = 644 ] && pass "a written baseline gets mode 0644 under umask 022" || fail "baseline mode $(stat -c %a mode-base.json)"

[ "$fails" -eq 0 ] && echo "adoption: all passed" || echo "adoption: $fails failed"
exit $((fails > 0))
