#!/bin/bash
# Where the runner's start-up time goes: builds portcullis with
# -DPORTCULLIS_TIMELINE=ON (each step prints a CLOCK_MONOTONIC stamp on
# stderr), runs `portcullis exec -- /bin/true` RUNS times and prints, per
# step, the median time since main() and the median time since the step
# before it on the critical path. Writes bench/out/timeline.md.
#   bash bench/timeline.sh        (as root, from anywhere)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out
mkdir -p "$OUT"
cmake -S . -B build-timeline -DCMAKE_BUILD_TYPE=Release -DPORTCULLIS_TESTS=OFF -DPORTCULLIS_TIMELINE=ON >/dev/null
cmake --build build-timeline -j "$(nproc)" >/dev/null
export PORTCULLIS_RULES=$PWD/rules
RUNS=${RUNS:-200}
P=build-timeline/cli/portcullis
for _ in $(seq 1 20); do "$P" exec -- /bin/true 2>/dev/null; done # warm-up
: >"$OUT/timeline.raw"
for i in $(seq 1 "$RUNS"); do
    "$P" exec -- /bin/true 2>&1 >/dev/null | sed "s/^/$i /" >>"$OUT/timeline.raw"
done
python3 - "$OUT" <<'PY'
import collections, statistics, sys
out = sys.argv[1]
runs = collections.defaultdict(list)
for line in open(f"{out}/timeline.raw"):
    parts = line.split(None, 4)
    if len(parts) == 5 and parts[1] == "portcullis-timeline":
        runs[parts[0]].append((float(parts[2]), parts[4].strip()))
at = collections.defaultdict(list)
for steps in runs.values():
    t0 = dict((s, t) for t, s in steps).get("main")
    if t0 is None:
        continue
    for t, s in steps:
        at[s].append((t - t0) * 1e3)
rows = sorted(((statistics.median(v), s) for s, v in at.items()))
text = f"`portcullis exec -- /bin/true`, {len(runs)} runs; median ms since main():\n\n"
text += "| step | at ms | since the step before |\n|---|---:|---:|\n"
prev = 0.0
for m, s in rows:
    text += f"| {s} | {m:.3f} | {m - prev:+.3f} |\n"
    prev = m
open(f"{out}/timeline.md", "w").write(text)
print(text)
PY
