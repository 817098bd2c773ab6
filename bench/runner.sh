#!/bin/bash
# Sandbox start-up overhead: the bare command, portcullis exec/run, bubblewrap
# and firejail, measured in one run with hyperfine, and the kernel's own share
# of a namespace sandbox (bench/nsfloor.c). Writes bench/out/runner.md.
#   bash bench/runner.sh            (as root, from anywhere)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out
mkdir -p "$OUT"
need=()
for p in hyperfine bubblewrap firejail; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DPORTCULLIS_TESTS=OFF >/dev/null
cmake --build build-bench -j "$(nproc)" >/dev/null
P=$PWD/build-bench/cli/portcullis
export PORTCULLIS_RULES=$PWD/rules
printf 'print("hi")\n' > "$OUT/one-line.py"
RUNS=${RUNS:-200}
BW="bwrap --unshare-all --die-with-parent --new-session --ro-bind /usr /usr --ro-bind /lib /lib --ro-bind /lib64 /lib64 --ro-bind /bin /bin --ro-bind /etc /etc --proc /proc --dev /dev --tmpfs /tmp"
hyperfine -N -i --warmup 20 --runs "$RUNS" --export-json "$OUT/runner-true.json" \
    -n bare "/bin/true" \
    -n "portcullis exec" "$P exec -- /bin/true" \
    -n bwrap "$BW /bin/true" \
    -n firejail "firejail --noprofile --net=none --quiet /bin/true"
hyperfine -N -i --warmup 10 --runs "$((RUNS / 2))" --export-json "$OUT/runner-python.json" \
    -n "bare python3 -I" "/usr/bin/python3 -I $OUT/one-line.py" \
    -n "portcullis run" "$P run $OUT/one-line.py" \
    -n "bwrap python3 -I" "$BW --ro-bind $PWD/$OUT/one-line.py /tmp/one-line.py /usr/bin/python3 -I /tmp/one-line.py" \
    -n "firejail python3 -I" "firejail --noprofile --net=none --quiet /usr/bin/python3 -I $OUT/one-line.py"
# The same, interleaved with bench/interleave.c: each round runs the bare
# command, portcullis and bwrap in turn (this VM's speed drifts within a
# minute, which hyperfine's one-command-after-another blocks turn into a
# bias). It prints one line per command: median, mean and CPU ms.
cc -std=gnu11 -O2 -o "$OUT/interleave" bench/interleave.c
"$OUT/interleave" "$RUNS" 20 "/bin/true" "$P exec -- /bin/true" "$BW /bin/true" >"$OUT/interleaved-true.txt"
"$OUT/interleave" "$((RUNS / 2))" 10 "/usr/bin/python3 -I $OUT/one-line.py" "$P run $OUT/one-line.py" \
    "$BW --ro-bind $PWD/$OUT/one-line.py /tmp/one-line.py /usr/bin/python3 -I /tmp/one-line.py" \
    >"$OUT/interleaved-python.txt"
# the kernel's share: namespaces, exec and exit alone (bench/nsfloor.c)
cc -std=gnu11 -O2 -o "$OUT/nsfloor" bench/nsfloor.c
"$OUT/nsfloor" "$RUNS" > "$OUT/nsfloor.md"
python3 - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
rows = []
for f in ("runner-true.json", "runner-python.json"):
    res = json.load(open(f"{out}/{f}"))["results"]
    base = res[0]["median"]
    for r in res:
        rows.append((r["command"], r["median"] * 1e3, (r["median"] - base) * 1e3, r["mean"] * 1e3))
text = "| command | median ms | added ms (vs bare) | mean ms |\n|---|---:|---:|---:|\n"
text += "".join(f"| {c} | {m:.2f} | {a:+.2f} | {mean:.2f} |\n" for c, m, a, mean in rows)
text += "\nInterleaved (bench/interleave.c: each round runs the three commands in turn; medians, ms):\n\n"
text += "| command | median ms | added ms (vs bare) |\n|---|---:|---:|\n"
for g, names in (("true", ("bare", "portcullis exec", "bwrap")),
                 ("python", ("bare python3 -I", "portcullis run", "bwrap python3 -I"))):
    med = [float(l.split()[0]) for l in open(f"{out}/interleaved-{g}.txt") if l.strip()]
    text += "".join(f"| {n} | {m:.2f} | {m - med[0]:+.2f} |\n" for n, m in zip(names, med))
text += "\nThe kernel's share (bench/nsfloor.c, median ms of one start):\n\n| case | ms |\n|---|---:|\n"
text += open(f"{out}/nsfloor.md").read()
open(f"{out}/runner.md", "w").write(text)
print(text)
PY
