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
# The same, interleaved: each round runs the bare command, portcullis and
# bwrap in turn (this VM's speed drifts within a minute, which hyperfine's
# one-command-after-another blocks turn into a bias). Python starts every
# process the same way, so its own cost cancels out of "added".
python3 - "$OUT/runner-interleaved.json" "$RUNS" "$P" "$OUT/one-line.py" "$PWD/$OUT/one-line.py" "$BW" <<'PY'
import json, shlex, statistics, subprocess, sys, time
out, runs, p, script, abs_script, bw = sys.argv[1], int(sys.argv[2]), *sys.argv[3:]
groups = {
    "true": [("bare", ["/bin/true"]), ("portcullis exec", [p, "exec", "--", "/bin/true"]),
             ("bwrap", shlex.split(bw) + ["/bin/true"])],
    "python": [("bare python3 -I", ["/usr/bin/python3", "-I", script]), ("portcullis run", [p, "run", script]),
               ("bwrap python3 -I", shlex.split(bw) + ["--ro-bind", abs_script, "/tmp/one-line.py",
                                                       "/usr/bin/python3", "-I", "/tmp/one-line.py"])],
}
res = {}
for g, cmds in groups.items():
    t = {n: [] for n, _ in cmds}
    for _ in range(runs if g == "true" else runs // 2):
        for n, argv in cmds:
            s = time.perf_counter()
            subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            t[n].append((time.perf_counter() - s) * 1e3)
    res[g] = {n: statistics.median(v) for n, v in t.items()}
json.dump(res, open(out, "w"), indent=1)
PY
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
il = json.load(open(f"{out}/runner-interleaved.json"))
text += "\nInterleaved (each round runs the three commands in turn; medians, ms, started from Python):\n\n"
text += "| command | median ms | added ms (vs bare) |\n|---|---:|---:|\n"
for g in ("true", "python"):
    base = next(iter(il[g].values()))
    text += "".join(f"| {n} | {m:.2f} | {m - base:+.2f} |\n" for n, m in il[g].items())
text += "\nThe kernel's share (bench/nsfloor.c, median ms of one start):\n\n| case | ms |\n|---|---:|\n"
text += open(f"{out}/nsfloor.md").read()
open(f"{out}/runner.md", "w").write(text)
print(text)
PY
