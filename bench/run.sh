#!/usr/bin/env bash
# Benchmark portcullis against bandit and ast-grep on this machine, in one run.
#
#   bash bench/run.sh            # full run (about 3-5 minutes on 2 cores)
#
# What it does:
#   1. installs what is missing: build deps, bandit, hyperfine, GNU time
#      (Debian packages) and @ast-grep/cli (npm, into bench/node_modules);
#   2. builds portcullis in Release into build-bench/ (tests off);
#   3. times, with hyperfine, whole processes (start-up and rule loading
#      included):
#        a. one ~40-line agent-style snippet (bench/snippet.py);
#        b. the Python standard library ($STDLIB, default /usr/lib/python3.11);
#   4. measures max RSS with /usr/bin/time -v;
#   5. prints a markdown table and writes everything to bench/out/.
#
# Knobs (environment): STDLIB, JOBS (2), SNIPPET_RUNS (100), SNIPPET_WARMUP (5),
# BANDIT_SNIPPET_RUNS (20), STDLIB_RUNS (10), STDLIB_WARMUP (2),
# BANDIT_STDLIB_RUNS (2), BANDIT_STDLIB_RSS (1), INTERLEAVED_ROUNDS (10), INTERLEAVED_SNIPPET_ROUNDS (30), POLICY (standard), BENCH_OUT (bench/out),
# SKIP_INSTALL=1, SKIP_BUILD=1.
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
BUILD=$ROOT/build-bench
OUT=${BENCH_OUT:-$BENCH/out}
STDLIB=${STDLIB:-/usr/lib/python3.11}
JOBS=${JOBS:-2}
POLICY=${POLICY:-standard}
SNIPPET_RUNS=${SNIPPET_RUNS:-100}
SNIPPET_WARMUP=${SNIPPET_WARMUP:-5}
BANDIT_SNIPPET_RUNS=${BANDIT_SNIPPET_RUNS:-20}
STDLIB_RUNS=${STDLIB_RUNS:-10}
INTERLEAVED_ROUNDS=${INTERLEAVED_ROUNDS:-10}
INTERLEAVED_SNIPPET_ROUNDS=${INTERLEAVED_SNIPPET_ROUNDS:-30}
STDLIB_WARMUP=${STDLIB_WARMUP:-2}
BANDIT_STDLIB_RUNS=${BANDIT_STDLIB_RUNS:-2}
SNIPPET=bench/snippet.py                 # relative to $ROOT, where commands run
SGCONFIG=bench/ast-grep/sgconfig.yml
EQUIV=bench/ast-grep-equivalent.yaml     # the five portcullis rule sets holding those checks (87 rules)
EXACT=bench/ast-grep-exact.yaml          # equivalent rules: of those, only the 21 the ast-grep rules mirror
AST_GREP_VERSION=0.51.1                  # keep in step with bench/package.json

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'bench/run.sh: %s\n' "$*" >&2; exit 2; }

mkdir -p "$OUT"
cd "$ROOT"
started=$(date +%s)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# --------------------------------------------------------------------------
# 1. Tools
# --------------------------------------------------------------------------
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

install_debs() {
    local want=()
    command -v cmake >/dev/null || want+=(cmake)
    command -v make >/dev/null || want+=(make)
    command -v cc >/dev/null || want+=(gcc)
    command -v pkg-config >/dev/null || want+=(pkg-config)
    command -v npm >/dev/null || want+=(npm)
    command -v python3 >/dev/null || want+=(python3)
    command -v bandit >/dev/null || want+=(bandit)
    command -v hyperfine >/dev/null || want+=(hyperfine)
    [ -x /usr/bin/time ] || want+=(time)
    if command -v pkg-config >/dev/null; then
        pkg-config --exists tree-sitter || want+=(libtree-sitter-dev)
        pkg-config --exists libpcre2-8 || want+=(libpcre2-dev)
        pkg-config --exists yaml-0.1 || want+=(libyaml-dev)
        pkg-config --exists jansson || want+=(libjansson-dev)
        pkg-config --exists libutf8proc || want+=(libutf8proc-dev)
    else
        want+=(libtree-sitter-dev libpcre2-dev libyaml-dev libjansson-dev libutf8proc-dev)
    fi
    if [ ${#want[@]} -gt 0 ]; then
        log "installing Debian packages: ${want[*]}"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${want[@]}" >/dev/null
    fi
}

# The native ast-grep binary (the npm package's postinstall links it into
# @ast-grep/cli/; the platform package always has it).
find_ast_grep() {
    local c
    for c in "$BENCH"/node_modules/.bin/ast-grep "$BENCH"/node_modules/@ast-grep/cli-linux-*/ast-grep; do
        if [ -x "$c" ] && [ "$(head -c4 "$c" | od -An -c | tr -d ' \n')" = '177ELF' ] &&
            "$c" --version >/dev/null 2>&1; then
            printf '%s\n' "$c"
            return 0
        fi
    done
    return 1
}

if [ "${SKIP_INSTALL:-0}" != 1 ]; then
    install_debs
    if ! AST_GREP=$(find_ast_grep); then
        log "installing @ast-grep/cli@$AST_GREP_VERSION into bench/node_modules"
        npm install --prefix "$BENCH" --no-package-lock --no-audit --no-fund --loglevel=error \
            >"$OUT/npm-install.log" 2>&1 || { cat "$OUT/npm-install.log" >&2; die "npm install failed"; }
    fi
fi
AST_GREP=$(find_ast_grep) || die "no working ast-grep binary in bench/node_modules"
"$BENCH/node_modules/.bin/ast-grep" --version >/dev/null || die "bench/node_modules/.bin/ast-grep does not run"
for t in bandit hyperfine python3 /usr/bin/time; do
    command -v "$t" >/dev/null || die "$t is missing (run without SKIP_INSTALL=1)"
done
[ -d "$STDLIB" ] || die "no standard library at $STDLIB (set STDLIB=...)"

# --------------------------------------------------------------------------
# 2. Build portcullis (Release, no tests) into build-bench/
# --------------------------------------------------------------------------
PC=$BUILD/cli/portcullis
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    log "building portcullis (Release) in build-bench/"
    { cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DPORTCULLIS_TESTS=OFF &&
        make -C "$BUILD" -j"$(nproc)" portcullis; } >"$OUT/build.log" 2>&1 ||
        { tail -30 "$OUT/build.log" >&2; die "build failed (bench/out/build.log)"; }
fi
[ -x "$PC" ] || die "no portcullis binary at $PC"

# Sanity: the snippet must analyze (exit 0 or 1; 2 is an error such as a rules
# problem, in which case nothing below would measure anything meaningful).
set +e
"$PC" check --policy "$POLICY" "$SNIPPET" >"$OUT/snippet-portcullis.txt" 2>&1
pc_rc=$?
set -e
if [ $pc_rc -eq 2 ]; then
    cat "$OUT/snippet-portcullis.txt" >&2
    die "portcullis check exited 2 on the snippet (rules being edited? retry in a few minutes)"
fi

# Does `-o /dev/null` work?  -o writes a temporary file next to the target and
# renames it over the target.  As root that would replace the /dev/null device
# with a regular file, so it is never tried on the real /dev/null: a character
# device made with mknod in a scratch directory stands in for it.
ONULL_NOTE="not tested (not root)"
if [ "$(id -u)" -eq 0 ]; then
    scratch=$(mktemp -d)
    if mknod "$scratch/null" c 1 3 2>/dev/null; then
        set +e
        "$PC" check --policy "$POLICY" --format json -o "$scratch/null" "$SNIPPET" 2>"$OUT/onull.err"
        rc=$?
        set -e
        if [ -c "$scratch/null" ]; then
            ONULL_NOTE="ok (exit $rc): -o to a character device leaves it a device"
        else
            ONULL_NOTE="UNSAFE (exit $rc): -o DEVICE replaced the device node with a regular file (atomic rename); -o /dev/null as root would clobber /dev/null"
        fi
    else
        ONULL_NOTE="not tested (mknod failed)"
    fi
    rm -rf "$scratch"
fi
log "-o /dev/null check: $ONULL_NOTE"
# Either way the report goes to standard output, which hyperfine discards
# (its default --output=null) and the RSS runs redirect to /dev/null.

# --------------------------------------------------------------------------
# 3. Timings
# --------------------------------------------------------------------------
NPY=$(find "$STDLIB" -name '*.py' \( -type f -o -type l \) | wc -l)
NPY_FILES=$(find "$STDLIB" -name '*.py' -type f | wc -l)
NLINES=$(find "$STDLIB" -name '*.py' -type f -print0 | xargs -0 cat | wc -l)
SNIPPET_LINES=$(wc -l <"$SNIPPET")

hf() { # hf NAME HYPERFINE-ARGS... : one benchmark, JSON in out/NAME.json
    local name=$1
    shift
    log "hyperfine: $name"
    hyperfine -N -i --style basic --export-json "$OUT/$name.json" "$@" >"$OUT/$name.log" 2>&1 ||
        { cat "$OUT/$name.log" >&2; die "hyperfine failed for $name"; }
    grep -E 'Time \(|Range' "$OUT/$name.log" | sed 's/^/    /' >&2 || true
}

# Timings are only comparable on an otherwise idle machine: say so if it is not.
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
if awk -v l="${LOAD_START%% *}" 'BEGIN { exit !(l > 0.5) }'; then
    log "warning: load average is $LOAD_START; other work on this machine will skew the timings"
fi

# a. the snippet
hf snippet-portcullis --warmup "$SNIPPET_WARMUP" --runs "$SNIPPET_RUNS" -n portcullis \
    "$PC check --policy $POLICY $SNIPPET"
hf snippet-ast-grep --warmup "$SNIPPET_WARMUP" --runs "$SNIPPET_RUNS" -n ast-grep \
    "$AST_GREP scan -c $SGCONFIG $SNIPPET"
hf snippet-bandit --warmup 2 --runs "$BANDIT_SNIPPET_RUNS" -n bandit \
    "bandit -q $SNIPPET"

# b. the standard library
hf stdlib-portcullis --warmup "$STDLIB_WARMUP" --runs "$STDLIB_RUNS" -n "portcullis -j $JOBS" \
    "$PC check -j $JOBS --policy $POLICY --format json $STDLIB"
hf stdlib-portcullis-equiv --warmup "$STDLIB_WARMUP" --runs "$STDLIB_RUNS" -n "portcullis -j $JOBS (the five rule sets, 87 rules)" \
    "$PC check -j $JOBS --policy $EQUIV --format json $STDLIB"
hf stdlib-portcullis-exact --warmup "$STDLIB_WARMUP" --runs "$STDLIB_RUNS" -n "portcullis -j $JOBS (the same checks)" \
    "$PC check -j $JOBS --policy $EXACT --format json $STDLIB"
hf stdlib-portcullis-j1 --warmup 1 --runs "$STDLIB_RUNS" -n "portcullis -j 1" \
    "$PC check -j 1 --policy $POLICY --format json $STDLIB"
hf stdlib-ast-grep --warmup "$STDLIB_WARMUP" --runs "$STDLIB_RUNS" -n "ast-grep -j $JOBS" \
    "$AST_GREP scan -j $JOBS -c $SGCONFIG --json=compact $STDLIB"
hf stdlib-bandit --runs "$BANDIT_STDLIB_RUNS" -n bandit \
    "bandit -q -r -f json -o /dev/null $STDLIB"

# c. the same comparisons again, interleaved: this machine's speed drifts by
# 10-20% over a minute, which hyperfine's one-command-after-another blocks
# turn into a bias; bench/interleave.c runs the commands in turn, round by
# round (no shell, output to /dev/null, like hyperfine -N), medians.
cc -std=gnu11 -O2 -o "$OUT/interleave" "$BENCH/interleave.c"
log "interleaved: the snippet (portcullis, ast-grep, bandit), $INTERLEAVED_SNIPPET_ROUNDS rounds"
"$OUT/interleave" "$INTERLEAVED_SNIPPET_ROUNDS" 2 \
    "$PC check --policy $POLICY $SNIPPET" \
    "$AST_GREP scan -c $SGCONFIG $SNIPPET" \
    "$(command -v bandit) -q $SNIPPET" >"$OUT/interleaved-snippet.txt"
log "interleaved: the stdlib (portcullis with three rule choices, ast-grep), $INTERLEAVED_ROUNDS rounds"
"$OUT/interleave" "$INTERLEAVED_ROUNDS" 1 \
    "$PC check -j $JOBS --policy $EXACT --format json $STDLIB" \
    "$AST_GREP scan -j $JOBS -c $SGCONFIG --json=compact $STDLIB" \
    "$PC check -j $JOBS --policy $EQUIV --format json $STDLIB" \
    "$PC check -j $JOBS --policy $POLICY --format json $STDLIB" >"$OUT/interleaved-stdlib.txt"

# --------------------------------------------------------------------------
# 4. Max RSS (and the reports themselves, for finding counts)
# --------------------------------------------------------------------------
rss() { # rss NAME REPORT-FILE CMD... : max RSS in KiB into out/NAME.rss
    local name=$1 report=$2
    shift 2
    log "max RSS: $name"
    /usr/bin/time -v -o "$OUT/$name.time" "$@" >"$report" 2>"$OUT/$name.stderr" || true
    sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$OUT/$name.time" >"$OUT/$name.rss"
}
rss rss-snippet-portcullis "$OUT/report-snippet-portcullis.json" \
    "$PC" check --policy "$POLICY" --format json "$SNIPPET"
rss rss-snippet-ast-grep "$OUT/report-snippet-ast-grep.json" \
    "$AST_GREP" scan -c "$SGCONFIG" --json=compact "$SNIPPET"
rss rss-snippet-bandit "$OUT/report-snippet-bandit.json" bandit -q -f json "$SNIPPET"
rss rss-stdlib-portcullis "$OUT/report-stdlib-portcullis.json" \
    "$PC" check -j "$JOBS" --policy "$POLICY" --format json "$STDLIB"
rss rss-stdlib-portcullis-equiv "$OUT/report-stdlib-portcullis-equiv.json" \
    "$PC" check -j "$JOBS" --policy "$EQUIV" --format json "$STDLIB"
rss rss-stdlib-ast-grep "$OUT/report-stdlib-ast-grep.json" \
    "$AST_GREP" scan -j "$JOBS" -c "$SGCONFIG" --json=compact "$STDLIB"
rss rss-stdlib-portcullis-exact "$OUT/report-stdlib-portcullis-exact.json" \
    "$PC" check -j "$JOBS" --policy "$EXACT" --format json "$STDLIB"
if [ "${BANDIT_STDLIB_RSS:-1}" = 1 ]; then
    rss rss-stdlib-bandit "$OUT/report-stdlib-bandit.json" bandit -q -r -f json "$STDLIB"
fi

# --------------------------------------------------------------------------
# 5. Environment and the table
# --------------------------------------------------------------------------
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "nproc: $(nproc)"
    echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
    echo "kernel: $(uname -sr)"
    echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
    echo "portcullis: $("$PC" --version) (commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ', uncommitted changes'))"
    echo "cc: $(cc --version | head -1)"
    echo "bandit: $(bandit --version 2>&1 | head -1) ($(bandit --version 2>&1 | sed -n 's/^ *python version = //p'))"
    echo "ast-grep: $("$AST_GREP" --version)"
    echo "hyperfine: $(hyperfine --version)"
    echo "stdlib: $STDLIB: $NPY .py paths ($NPY_FILES regular files, $((NPY - NPY_FILES)) symlinks), $NLINES lines"
    echo "snippet: $SNIPPET: $SNIPPET_LINES lines; portcullis exit $pc_rc"
    echo "-o /dev/null: $ONULL_NOTE"
    echo "load average (1/5/15 min): at start $LOAD_BEFORE, before timing $LOAD_START, at end $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$OUT/env.txt"

python3 - "$OUT" "$JOBS" >"$OUT/results.md" <<'PY'
import json, os, sys

out, jobs = sys.argv[1], sys.argv[2]

def hf(name):
    r = json.load(open(os.path.join(out, name + ".json")))["results"][0]
    return r

def rss(name):
    p = os.path.join(out, name + ".rss")
    try:
        v = open(p).read().strip()
        return f"{int(v) / 1024:.1f}" if v else "n/a"
    except OSError:
        return "n/a"

def findings(tool, path):
    try:
        d = json.load(open(path))
    except (OSError, ValueError):
        return "n/a"
    if tool == "portcullis":
        return str(d["stats"]["findings"])
    if tool == "ast-grep":
        return str(len(d))
    if tool == "bandit":
        return str(len(d["results"]))
    return "n/a"

rows = [
    ("snippet", "portcullis", "snippet-portcullis", "rss-snippet-portcullis"),
    ("snippet", "ast-grep", "snippet-ast-grep", "rss-snippet-ast-grep"),
    ("snippet", "bandit", "snippet-bandit", "rss-snippet-bandit"),
    ("stdlib", f"portcullis -j {jobs}", "stdlib-portcullis", "rss-stdlib-portcullis"),
    ("stdlib", f"portcullis -j {jobs}, the five rule sets those come from (87 rules)", "stdlib-portcullis-equiv", "rss-stdlib-portcullis-equiv"),
    ("stdlib", f"portcullis -j {jobs}, equivalent rules: the same checks (21 rules)", "stdlib-portcullis-exact", "rss-stdlib-portcullis-exact"),
    ("stdlib", "portcullis -j 1", "stdlib-portcullis-j1", None),
    ("stdlib", f"ast-grep -j {jobs}", "stdlib-ast-grep", "rss-stdlib-ast-grep"),
    ("stdlib", "bandit (1 process)", "stdlib-bandit", "rss-stdlib-bandit"),
]
ms = {}
print("| input | tool | median ms | mean ± σ ms | min ms | CPU ms (user+sys, mean) | runs | max RSS MiB | findings |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
for inp, tool, name, rname in rows:
    r = hf(name)
    ms[name] = r["median"] * 1e3
    report = os.path.join(out, "report-" + (rname[4:] if rname else "") + ".json")
    base = tool.split()[0]
    print(f"| {inp} | {tool} | {r['median']*1e3:.2f} | {r['mean']*1e3:.2f} ± {(r['stddev'] or 0)*1e3:.2f} "
          f"| {r['min']*1e3:.2f} | {(r['user'] + r['system'])*1e3:.2f} | {len(r['times'])} | {rss(rname) if rname else '-'} "
          f"| {findings(base, report) if rname else '-'} |")
print()
s_pc, s_bd, s_sg = ms["snippet-portcullis"], ms["snippet-bandit"], ms["snippet-ast-grep"]
l_pc, l_sg, l_bd = ms["stdlib-portcullis"], ms["stdlib-ast-grep"], ms["stdlib-bandit"]
l_eq = ms["stdlib-portcullis-equiv"]
l_ex = ms["stdlib-portcullis-exact"]
ok = lambda c: "met" if c else "MISSED"
print(f"- snippet: portcullis is {s_bd / s_pc:.1f}x faster than bandit "
      f"(target >= 50x: {ok(s_bd / s_pc >= 50)}); median {s_pc:.2f} ms (target < 5 ms: {ok(s_pc < 5)}); "
      f"{s_sg / s_pc:.2f}x vs ast-grep")
print(f"- stdlib, the five whole rule sets holding those checks (87 rules, more than ast-grep checks): "
      f"portcullis -j {jobs} is {l_sg / l_eq:.2f}x the speed of ast-grep -j {jobs}")
print(f"- stdlib, equivalent rules (the 21 portcullis rules the ast-grep rules mirror): portcullis -j {jobs} is "
      f"{l_sg / l_ex:.2f}x the speed of ast-grep -j {jobs} (target faster: {ok(l_ex < l_sg)})")
print(f"- stdlib, the whole standard policy: portcullis -j {jobs} is {l_sg / l_pc:.2f}x the speed of "
      f"ast-grep -j {jobs}; {l_bd / l_pc:.1f}x faster than bandit")

def il(name, keys):
    rows = [list(map(float, l.split())) for l in open(os.path.join(out, name)).read().split("\n") if l.strip()]
    return {k: r for k, r in zip(keys, rows)}

sn = il("interleaved-snippet.txt", ("portcullis", "ast-grep", "bandit"))
w = il("interleaved-stdlib.txt", ("exact", "ast-grep", "equiv", "standard"))
print()
print("Interleaved (bench/interleave.c: each round runs the commands in turn; medians):")
print()
print("| input | command | median ms | mean ms | CPU ms (median) | vs |")
print("|---|---|---:|---:|---:|---:|")
for k in ("portcullis", "ast-grep", "bandit"):
    print(f"| snippet | {k} | {sn[k][0]:.2f} | {sn[k][1]:.2f} | {sn[k][2]:.2f} | "
          f"{sn['bandit'][0] / sn[k][0]:.1f}x faster than bandit |")
labels = {"exact": "portcullis, equivalent rules (the same 21 checks)", "ast-grep": "ast-grep",
          "equiv": "portcullis, the five rule sets (87 rules)", "standard": "portcullis, standard policy"}
for k in ("exact", "ast-grep", "equiv", "standard"):
    print(f"| stdlib, -j {jobs} | {labels[k]} | {w[k][0]:.1f} | {w[k][1]:.1f} | {w[k][2]:.1f} | "
          f"{w['ast-grep'][0] / w[k][0]:.2f}x ast-grep's speed |")
print()
print(f"- interleaved, snippet: portcullis {sn['portcullis'][0]:.2f} ms, "
      f"{sn['bandit'][0] / sn['portcullis'][0]:.1f}x faster than bandit "
      f"(targets < 5 ms and >= 50x: {ok(sn['portcullis'][0] < 5 and sn['bandit'][0] / sn['portcullis'][0] >= 50)})")
print(f"- interleaved, equivalent rules (the same 21 checks): portcullis is {w['ast-grep'][0] / w['exact'][0]:.2f}x "
      f"the speed of ast-grep (target faster: {ok(w['exact'][0] < w['ast-grep'][0])}); the five rule sets "
      f"{w['ast-grep'][0] / w['equiv'][0]:.2f}x, the standard policy {w['ast-grep'][0] / w['standard'][0]:.2f}x")
PY

echo
sed 's/^/    /' "$OUT/env.txt"
echo
cat "$OUT/results.md"
log "done in $(($(date +%s) - started)) s; raw data in bench/out/"
