#!/bin/bash
# CLI tests for portcullis: exit codes, stdin, directory walking, JSON, -o.
# usage: test_cli.sh PATH/TO/portcullis FIXTURES_DIR
# PORTCULLIS_RULES must point at FIXTURES_DIR/rules (ctest sets it).
set -u

BIN=${1:?usage: test_cli.sh BINARY FIXTURES}
FIX=${2:?usage: test_cli.sh BINARY FIXTURES}
export PORTCULLIS_RULES=${PORTCULLIS_RULES:-$FIX/rules}
export NO_COLOR=1
unset PORTCULLIS_POLICY || true

T=$(mktemp -d /tmp/pc-cli-XXXXXX)
trap 'rm -rf "$T"' EXIT

fails=0
checks=0
OUT=$T/stdout
ERR=$T/stderr

# run ARGS...: runs the binary, sets $rc, stdout in $OUT, stderr in $ERR
run() {
    "$BIN" "$@" >"$OUT" 2>"$ERR"
    rc=$?
}

# run_in INPUT ARGS...: same with INPUT on standard input
run_in() {
    local input=$1
    shift
    printf '%s' "$input" | "$BIN" "$@" >"$OUT" 2>"$ERR"
    rc=$?
}

fail() {
    fails=$((fails + 1))
    echo "FAIL: $*" >&2
    echo "  exit status: $rc" >&2
    echo "  --- stdout:" >&2
    head -c 3000 "$OUT" | sed 's/^/  | /' >&2
    echo "  --- stderr:" >&2
    head -c 3000 "$ERR" | sed 's/^/  | /' >&2
}

expect_rc() {
    checks=$((checks + 1))
    [ "$rc" -eq "$1" ] || fail "$2: expected exit status $1"
}

expect_out() { # PATTERN DESC (fixed string in stdout)
    checks=$((checks + 1))
    grep -qF -- "$1" "$OUT" || fail "$2: stdout lacks '$1'"
}

expect_no_out() {
    checks=$((checks + 1))
    ! grep -qF -- "$1" "$OUT" || fail "$2: stdout unexpectedly has '$1'"
}

expect_err() {
    checks=$((checks + 1))
    grep -qF -- "$1" "$ERR" || fail "$2: stderr lacks '$1'"
}

expect_err_re() {
    checks=$((checks + 1))
    grep -qE -- "$1" "$ERR" || fail "$2: stderr does not match /$1/"
}

# ------------------------------------------------------------ inputs

mkdir -p "$T/src"
printf 'import json\nprint(json.dumps({"a": 1}))\n' >"$T/src/ok.py"
printf 'import os\nos.system("ls")\n' >"$T/src/bad.py"
printf 'x = eval(input())\n' >"$T/src/worse.py"
printf 'def f(:\n' >"$T/src/broken.py"

# ------------------------------------------------------------ basics

run --version
expect_rc 0 "--version"
expect_out "portcullis 0." "--version prints the version"

run version
expect_rc 0 "version"

run --help
expect_rc 0 "--help"
expect_out "usage: portcullis" "--help"

run
expect_rc 2 "no arguments"

run frobnicate
expect_rc 2 "unknown command"
expect_err "unknown command 'frobnicate'" "unknown command message"

run help check
expect_rc 0 "help check"
expect_out "usage: portcullis check" "help check"
expect_out "--policy" "help check lists --policy"
expect_out "Exit status" "help check documents exit status"

run help rules
expect_rc 0 "help rules"
expect_out "usage: portcullis rules list" "help rules"

run help nonsense
expect_rc 2 "help for an unknown command"

run check --help
expect_rc 0 "check --help"
expect_out "usage: portcullis check" "check --help"

# ------------------------------------------------------------ rules list

run rules list
expect_rc 0 "rules list"
expect_out "fx-os-system" "rules list shows fx-os-system"
expect_out "fx-eval" "rules list shows fx-eval"
expect_out "fx-print" "rules list shows fx-print"
expect_no_out "fx-import-not-allowed" "standard policy does not load strict/"
expect_out "3 rules from 1 files; policy standard" "rules list summary"
checks=$((checks + 1))
grep -E '^fx-eval +critical +call ' "$OUT" >/dev/null || fail "rules list row for fx-eval"

run rules list --policy strict
expect_rc 0 "rules list --policy strict"
expect_out "fx-import-not-allowed" "strict loads strict/*"
expect_out "4 rules from 2 files; policy strict" "strict summary"

run rules
expect_rc 2 "rules without list"

run rules list --bogus
expect_rc 2 "rules list with a bad option"

# ------------------------------------------------------------ exit codes

run check "$T/src/ok.py"
expect_rc 0 "allowed file"
expect_out "allowed by policy standard" "allowed verdict line"
expect_out "portcullis: allow: 1 file" "allow summary"
# the low-severity print finding is reported but does not deny
expect_out "$T/src/ok.py:2:1: low fx-print" "low finding reported"

run check "$T/src/bad.py"
expect_rc 1 "denied file"
expect_out "$T/src/bad.py:2:1: high fx-os-system" "finding line"
expect_out '    os.system("ls")' "source line"
expect_out '    ^~~~~~~~~~~~~~~' "caret line"
expect_out "DENIED by policy standard" "denied verdict"
checks=$((checks + 1))
! grep -q $'\033' "$OUT" || fail "no ANSI escapes when stdout is not a terminal"

run check "$T/src/ok.py" "$T/src/bad.py"
expect_rc 1 "one of two files denied"
expect_out "2 files, 1 denied, 1 allowed" "two-file summary"

run check "$T/src/broken.py"
expect_rc 1 "parse error denies (fail closed)"
expect_out "input-parse-error" "parse error finding"

run check "$T/src/nope.py"
expect_rc 2 "missing file"
expect_err "nope.py" "missing file named"

run check "$T/src/ok.py" "$T/src/nope.py"
expect_rc 2 "missing file wins over allowed"

run check "$T/src/bad.py" "$T/src/nope.py"
expect_rc 2 "missing file wins over denied"

run check --bogus "$T/src/ok.py"
expect_rc 2 "unknown option"
expect_err "--bogus" "unknown option named"

run check
expect_rc 2 "no files"

run check --format yaml "$T/src/ok.py"
expect_rc 2 "unknown format"
expect_err "unknown format 'yaml'" "unknown format named"

run check --jobs 0 "$T/src/ok.py"
expect_rc 2 "--jobs 0"

run check --policy "$T/src/bad.py"
expect_rc 2 "--policy missing its argument (takes the file name, then no files)"

run check --policy nonexistent "$T/src/ok.py"
expect_rc 2 "unknown policy"
expect_err "unknown policy 'nonexistent'" "unknown policy named"

run check --policy audit "$T/src/bad.py" "$T/src/worse.py"
expect_rc 0 "audit never denies"
expect_out "fx-os-system" "audit still reports"
expect_out "fx-eval" "audit still reports eval"

run check --policy strict "$T/src/ok.py"
expect_rc 0 "strict allows json"
printf 'import socket\n' >"$T/src/sock.py"
run check --policy strict "$T/src/sock.py"
expect_rc 1 "strict denies socket"
expect_out "fx-import-not-allowed" "strict finding"

# a policy given by path
cat >"$T/mypolicy.yaml" <<EOF
policy: mine
rulesets: ["$FIX/rules/core.yaml"]
deny:
  severity: low
EOF
run check --policy "$T/mypolicy.yaml" "$T/src/ok.py"
expect_rc 1 "policy file denying low findings"
expect_out "policy mine" "policy name in report"

# ------------------------------------------------------------ --rules

cat >"$T/extra.yaml" <<'EOF'
rules:
  - id: fx-json
    message: json in use.
    severity: high
    confidence: high
    cwe: CWE-20
    match:
      import: [json]
EOF
run check --rules "$T/extra.yaml" "$T/src/ok.py"
expect_rc 1 "extra rule denies"
expect_out "fx-json" "extra rule reported"

cat >"$T/broken.yaml" <<'EOF'
rules:
  - id: fx-broken
    message: m
    severity: high
    confidence: high
    cwe: CWE-20
    match:
      call: [f]
      colour: red
EOF
run check --rules "$T/broken.yaml" "$T/src/ok.py"
expect_rc 2 "invalid rules file"
expect_err "$T/broken.yaml:9:7:" "invalid rules file: file:line:col"
expect_err "unknown key 'colour'" "invalid rules file: reason"

printf 'rules:\n  - id: [\n' >"$T/bad-yaml.yaml"
run check --rules "$T/bad-yaml.yaml" "$T/src/ok.py"
expect_rc 2 "invalid YAML rules file"
expect_err_re "bad-yaml.yaml:[0-9]+:[0-9]+: invalid YAML" "invalid YAML: file:line:col"

run rules list --rules "$T/broken.yaml"
expect_rc 2 "rules list validates"
expect_err "$T/broken.yaml:9:7:" "rules list names file:line:col"

run check --rules "$T/missing-rules.yaml" "$T/src/ok.py"
expect_rc 2 "missing rules file"

# duplicate of a policy rule
sed 's/fx-json/fx-eval/' "$T/extra.yaml" >"$T/dup.yaml"
run check --rules "$T/dup.yaml" "$T/src/ok.py"
expect_rc 2 "duplicate rule id across files"
expect_err "duplicate rule id 'fx-eval'" "duplicate named"

# ------------------------------------------------------------ stdin

run_in 'import os; os.system("x")
' check -
expect_rc 1 "stdin denied"
expect_out "<stdin>:1:" "stdin path"

run_in 'x = 1
' check -
expect_rc 0 "stdin allowed"

run_in '' check -
expect_rc 0 "empty stdin"

run_in 'eval("1")
' check --format json -
expect_rc 1 "stdin json"
checks=$((checks + 1))
python3 -m json.tool "$OUT" >/dev/null 2>&1 || fail "stdin json parses"

# ------------------------------------------------------------ directories

D=$T/tree
mkdir -p "$D/pkg/sub" "$D/.git/objects" "$D/__pycache__" "$D/venv/lib" "$D/myenv/lib" "$D/node_modules/x" "$D/.venv"
printf 'x = 1\n' >"$D/a.py"
printf 'import os\nos.system("x")\n' >"$D/pkg/sub/b.py"
printf 'y = 2\n' >"$D/pkg/c.py"
printf 'eval("x")\n' >"$D/.git/objects/evil.py"
printf 'eval("x")\n' >"$D/__pycache__/evil.py"
printf 'eval("x")\n' >"$D/venv/lib/evil.py"
printf 'home = /usr\n' >"$D/myenv/pyvenv.cfg"
printf 'eval("x")\n' >"$D/myenv/lib/evil.py"
printf 'eval("x")\n' >"$D/node_modules/x/evil.py"
printf 'eval("x")\n' >"$D/.venv/evil.py"
printf 'eval("x")\n' >"$D/notes.txt"
printf 'eval("x")\n' >"$D/script.pyc"

run check --format json "$D"
expect_rc 1 "directory: one denied file"
checks=$((checks + 1))
python3 -m json.tool "$OUT" >/dev/null 2>&1 || fail "directory JSON parses with json.tool"
checks=$((checks + 1))
files=$(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
print(" ".join(f["path"][len(sys.argv[2]) + 1:] for f in r["files"]))
' "$OUT" "$D" 2>&1)
[ "$files" = "a.py pkg/c.py pkg/sub/b.py" ] || fail "directory walk found: '$files' (want 'a.py pkg/c.py pkg/sub/b.py')"

# a trailing slash gives the same paths
run check --format json "$D/"
checks=$((checks + 1))
files2=$(python3 -c '
import json, sys
print(len(json.load(open(sys.argv[1]))["files"]))' "$OUT" 2>&1)
[ "$files2" = "3" ] || fail "directory with a trailing slash: $files2 files"

# directories without Python files (regression: qsort of an empty list in
# cli/paths.c was undefined behaviour that UBSan aborted on; fixed in 706465f)
mkdir -p "$T/emptydir/sub/deeper"
printf 'notes\n' >"$T/emptydir/sub/readme.txt"
run check "$T/emptydir"
expect_rc 0 "directory without Python files"
expect_out "0 files" "empty directory summary"
run check --format json "$T/emptydir"
expect_rc 0 "empty directory, json"
checks=$((checks + 1))
python3 -m json.tool "$OUT" >/dev/null 2>&1 || fail "empty directory JSON parses"

# an explicitly named file inside a skipped directory is still checked
run check "$D/venv/lib/evil.py"
expect_rc 1 "explicit file in venv is analyzed"

# ------------------------------------------------------------ JSON

run check --format json "$T/src/bad.py" "$T/src/ok.py"
expect_rc 1 "json denied"
checks=$((checks + 1))
python3 -m json.tool "$OUT" >/dev/null 2>&1 || fail "json output parses"
checks=$((checks + 1))
summary=$(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
f = r["files"]
fd = f[0]["findings"][0]
print(r["tool"]["name"], r["policy"], r["verdict"], len(f), f[0]["verdict"], f[1]["verdict"],
      fd["rule"], fd["severity"], fd["line"], fd["column"], fd["cwe"], r["stats"]["files"], r["stats"]["findings"])
' "$OUT" 2>&1)
want="portcullis standard deny 2 deny allow fx-os-system high 2 1 CWE-78 2 2"
[ "$summary" = "$want" ] || fail "json content: '$summary' (want '$want')"

# a missing file shows up under errors, verdict error
run check --format json --policy audit "$T/src/ok.py" "$T/src/nope.py"
expect_rc 2 "json with a missing file"
checks=$((checks + 1))
python3 -m json.tool "$OUT" >/dev/null 2>&1 || fail "json with a missing file parses"

# hostile file names still give valid JSON
HOST=$T/host
mkdir -p "$HOST"
printf 'import os\nos.system("x")  # \342\200\256 bidi\n' >"$HOST/$(printf 'we\033[31mird\377.py')"
run check --format json "$HOST"
expect_rc 1 "hostile name denied"
checks=$((checks + 1))
python3 -m json.tool "$OUT" >/dev/null 2>&1 || fail "hostile names give valid JSON"
run check "$HOST"
checks=$((checks + 1))
! grep -q $'\033' "$OUT" || fail "escape sequence from a file name reached the text report"
checks=$((checks + 1))
! grep -q $'\342\200\256' "$OUT" || fail "bidi control reached the text report"

# ------------------------------------------------------------ -o

O=$T/outdir
mkdir -p "$O"
run check --format json -o "$O/report.json" "$T/src/bad.py"
expect_rc 1 "-o keeps the exit status"
checks=$((checks + 1))
[ ! -s "$OUT" ] || fail "-o: nothing on stdout"
checks=$((checks + 1))
python3 -m json.tool "$O/report.json" >/dev/null 2>&1 || fail "-o file is valid JSON"
checks=$((checks + 1))
[ "$(ls -A "$O")" = "report.json" ] || fail "-o left other files behind: $(ls -A "$O")"

run check --output "$O/report.txt" "$T/src/ok.py"
expect_rc 0 "--output text"
checks=$((checks + 1))
grep -q "allowed by policy standard" "$O/report.txt" || fail "--output text content"
checks=$((checks + 1))
[ "$(ls -A "$O" | sort | tr '\n' ' ')" = "report.json report.txt " ] || fail "--output left temp files: $(ls -A "$O")"

# replacing an existing report
run check --format json -o "$O/report.json" "$T/src/ok.py"
expect_rc 0 "-o replaces an existing file"
checks=$((checks + 1))
grep -q '"verdict": "allow"' "$O/report.json" || fail "-o replaced content"

run check -o "$T/no/such/dir/r.json" "$T/src/ok.py"
expect_rc 2 "-o into a missing directory"

# ------------------------------------------------------------ many files, jobs

M=$T/many
mkdir -p "$M"
for i in $(seq -w 1 60); do
    if [ $((10#$i % 7)) -eq 0 ]; then
        printf 'import os\nos.system("%s")\n' "$i" >"$M/f$i.py"
    else
        printf 'x = %s\n' "$i" >"$M/f$i.py"
    fi
done
run check --jobs 4 --format json "$M"
expect_rc 1 "many files, 4 jobs"
checks=$((checks + 1))
order=$(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
p = [f["path"] for f in r["files"]]
print("sorted" if p == sorted(p) and len(p) == 60 else "unsorted %d" % len(p), r["stats"]["denied"])
' "$OUT" 2>&1)
[ "$order" = "sorted 8" ] || fail "report order / denied count with --jobs 4: '$order'"

run check --jobs 1 "$M"
expect_rc 1 "many files, 1 job"
expect_out "60 files, 8 denied, 52 allowed" "summary with --jobs 1"

# ------------------------------------------------------------ done

echo "test_cli.sh: $checks checks, $fails failed"
[ "$fails" -eq 0 ]
