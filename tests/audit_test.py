#!/usr/bin/python3
"""The audit log through the real commands.

usage: audit_test.py PORTCULLIS TEST_AUDIT [-k SUBSTRING]...

PORTCULLIS  the portcullis binary
TEST_AUDIT  the test_audit binary (its `append LOG WRITER N` mode appends N
            records through pc_audit_append, the code path of every command)

run and exec use the real sandbox: run as root. PORTCULLIS_RULES must name
the rules directory. Prints one line per test and `N passed, N failed`;
exits 1 on any failure.
"""

import argparse
import hashlib
import json
import os
import resource
import secrets
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import traceback

ZERO = "0" * 64
WRITERS, PER_WRITER = 8, 500

BIN = HELPER = TMP = None
TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


class Fail(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise Fail(msg)


def pc(*args, env=None, timeout=60, preexec=None, cwd=None):
    e = dict(os.environ, NO_COLOR="1")
    e.update(env or {})
    return subprocess.run([BIN, *args], capture_output=True, env=e, timeout=timeout, preexec_fn=preexec,
                          cwd=cwd or TMP)


def sha(b):
    return hashlib.sha256(b).hexdigest()


def path(name):
    return os.path.join(TMP, name)


def write(name, data):
    p = path(name)
    with open(p, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
    return p


def read(p):
    with open(p, "rb") as f:
        return f.read()


def records(p):
    return [json.loads(line) for line in read(p).split(b"\n")[:-1]]


def make_log(name, n, writer="w"):
    p = path(name)
    subprocess.run([HELPER, "append", p, writer, str(n)], check=True)
    return p


def check_chain(p):
    """The chain recomputed here, independently of the C code."""
    data = read(p)
    check(data.endswith(b"\n") or not data, "log does not end with a newline")
    prev, seq = ZERO, 0
    for line in data.split(b"\n")[:-1]:
        r = json.loads(line)
        seq += 1
        check(r["v"] == 1 and r["seq"] == seq, "seq %r, expected %d" % (r["seq"], seq))
        check(r["prev"] == prev, "line %d: prev does not chain" % seq)
        check(list(r)[:7] == ["v", "seq", "time", "user", "uid", "pid", "cwd"] and list(r)[-1] == "prev",
              "key order: %r" % list(r))
        prev = sha(line)
    return seq, prev


def verify(p, *opts):
    r = pc("audit", "verify", *opts, p)
    return r.returncode, r.stdout.decode(), r.stderr.decode()


def expect_verify(p, rc, text):
    got, out, err = verify(p)
    check(got == rc and text in out, "verify: rc %d (want %d), stdout %r stderr %r (want %r)" % (got, rc, out, err, text))


# ------------------------------------------------------------ concurrency


@test
def concurrent_writers_8x500():
    log = path("c.log")
    t0 = time.monotonic()
    procs = [subprocess.Popen([HELPER, "append", log, str(w), str(PER_WRITER)]) for w in range(WRITERS)]
    rcs = [p.wait(timeout=300) for p in procs]
    ms = (time.monotonic() - t0) * 1000
    print("  # %d writers x %d records: %.0f ms" % (WRITERS, PER_WRITER, ms))
    check(rcs == [0] * WRITERS, "writers exited %r" % rcs)
    recs = records(log)
    check(len(recs) == WRITERS * PER_WRITER, "%d records" % len(recs))
    seen = {(r["writer"], r["i"]) for r in recs}
    check(seen == {(str(w), i) for w in range(WRITERS) for i in range(PER_WRITER)}, "records lost or repeated")
    check([r["seq"] for r in recs] == list(range(1, WRITERS * PER_WRITER + 1)), "seqs are not 1..4000")
    n, last = check_chain(log)
    expect_verify(log, 0, "%s: 4000 records, chain valid (last seq 4000, last hash %s)" % (log, last))


@test
def concurrent_real_commands():
    """run and exec at once with a writer: every record there, chained."""
    log = path("real.log")
    prog = write("hello.py", "print('hello')\n")
    writer = subprocess.Popen([HELPER, "append", log, "bg", "300"])
    cmds = [[BIN, "run", "--audit", log, prog] for _ in range(4)]
    cmds += [[BIN, "exec", "--audit", log, "--", "/bin/echo", str(i)] for i in range(4)]
    procs = [subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=TMP) for c in cmds]
    outs = [p.communicate(timeout=120) for p in procs]
    check(writer.wait(timeout=120) == 0, "writer failed")
    for p, (o, e) in zip(procs, outs):
        check(p.returncode == 0, "%r: rc %d: %r" % (p.args, p.returncode, e))
    recs = records(log)
    cmds_seen = sorted(r["command"] for r in recs)
    check(cmds_seen.count("run") == 4 and cmds_seen.count("exec") == 4 and cmds_seen.count("test") == 300,
          "records: %d run, %d exec, %d test" % (cmds_seen.count("run"), cmds_seen.count("exec"),
                                                 cmds_seen.count("test")))
    for r in recs:
        if r["command"] == "run":
            check(r["verdict"] == "allow" and r["result"]["status"] == "ok", "run record: %r" % r)
            check(r["code_sha256"] == sha(b"print('hello')\n"), "run code digest")
            check(r["result"]["stdout"] == {"bytes": 6, "sha256": sha(b"hello\n"), "truncated": False},
                  "run stdout: %r" % r["result"]["stdout"])
            check(len(r["rules_sha256"]) == 64, "no rules digest")
    check_chain(log)
    expect_verify(log, 0, "308 records, chain valid")


@test
def verify_while_appending():
    """verify reads what was written when it started: never a half record."""
    log = make_log("live.log", 1)
    procs = [subprocess.Popen([HELPER, "append", log, str(w), "300"]) for w in range(4)]
    runs = 0
    while any(p.poll() is None for p in procs):
        rc, out, err = verify(log)
        check(rc == 0, "verify during appends: %d %r %r" % (rc, out, err))
        runs += 1
    check(all(p.returncode == 0 for p in procs), "writers failed")
    expect_verify(log, 0, "1201 records, chain valid")
    check(runs > 0, "verify never ran during the appends")


# ------------------------------------------------------------ tampering


def lines_of(p):
    return read(p).split(b"\n")[:-1]


def joined(lines, newline=True):
    return b"\n".join(lines) + (b"\n" if newline else b"")


def edit_writer(line):
    check(b'"writer":"w"' in line, "no writer field")
    return line.replace(b'"writer":"w"', b'"writer":"x"')


def forged_after(lines, k, seq):
    """A record with the right prev after line k (1-based)."""
    return b'{"v":1,"seq":%d,"command":"forged","prev":"%s"}' % (seq, sha(lines[k - 1]).encode())


# name: (transform of the 20 lines -> bytes, expected exit, expected text after "FILE")
TAMPER = {
    "edit a middle record": (lambda L: joined(L[:9] + [edit_writer(L[9])] + L[10:]), 1, ":10: record edited"),
    "edit the first record": (lambda L: joined([edit_writer(L[0])] + L[1:]), 1, ":1: record edited"),
    "edit a seq": (lambda L: joined(L[:9] + [L[9].replace(b'"seq":10,', b'"seq":11,')] + L[10:]), 1,
                   ":10: record edited (seq 11 does not follow seq 9)"),
    "edit the prev of the first": (lambda L: joined([L[0].replace(ZERO.encode(), b"1" * 64)] + L[1:]), 1,
                                   ":1: record edited"),
    "whitespace only": (lambda L: joined(L[:9] + [L[9].replace(b'","', b'", "', 1)] + L[10:]), 1,
                        ":10: record edited"),
    "trailing space": (lambda L: joined(L[:9] + [L[9] + b" "] + L[10:]), 1, ":10: record edited"),
    "CRLF line ending": (lambda L: joined(L[:9] + [L[9] + b"\r"] + L[10:]), 1, ":10: record edited"),
    "delete a middle record": (lambda L: joined(L[:9] + L[10:]), 1, ":10: 1 record removed before this line"),
    "delete the first record": (lambda L: joined(L[1:]), 1,
                                ":1: 1 record removed before this line (the first record has seq 2)"),
    "delete three records": (lambda L: joined(L[:4] + L[7:]), 1, ":5: 3 records removed before this line"),
    "insert a copy next to it": (lambda L: joined(L[:10] + [L[9]] + L[10:]), 1,
                                 ":11: record inserted (a copy of line 10)"),
    "insert a copy of an earlier record": (lambda L: joined(L[:12] + [L[2]] + L[12:]), 1,
                                           ":13: record inserted or moved (seq 3 follows seq 12)"),
    "insert a forged record, wrong seq": (lambda L: joined(L[:10] + [forged_after(L, 10, 99)] + L[10:]), 1,
                                          ":11: record inserted (line 12 chains to line 10)"),
    "insert a forged record, right seq": (lambda L: joined(L[:10] + [forged_after(L, 10, 11)] + L[10:]), 1,
                                          ":11: record inserted (line 12 chains to line 10)"),
    "insert a blank line": (lambda L: joined(L[:10] + [b""] + L[10:]), 1, ":11: not an audit record"),
    "swap two neighbours": (lambda L: joined(L[:9] + [L[10], L[9]] + L[11:]), 1,
                            ":10: records reordered (lines 10 and 11 are swapped)"),
    "swap the first two": (lambda L: joined([L[1], L[0]] + L[2:]), 1,
                           ":1: records reordered (lines 1 and 2 are swapped)"),
    "swap the last two": (lambda L: joined(L[:18] + [L[19], L[18]]), 1,
                          ":19: records reordered (lines 19 and 20 are swapped)"),
    "move a record far": (lambda L: joined(L[:4] + L[5:15] + [L[4]] + L[15:]), 1,
                          ":5: 1 record removed before this line, or moved"),
    "a middle line not JSON": (lambda L: joined(L[:9] + [b"{oops"] + L[10:]), 1,
                               ":10: not an audit record (edited or inserted): not JSON"),
    "truncate the last line": (lambda L: joined(L[:19] + [L[19][:len(L[19]) // 2]], newline=False), 1,
                               ":20: last record is truncated (the writer crashed mid-write?)"),
    "lose only the last newline": (lambda L: joined(L, newline=False), 1, ":20: last record is truncated"),
    "append garbage": (lambda L: joined(L + [b"garbage"]), 1, ":21: not an audit record"),
    "append garbage without newline": (lambda L: joined(L) + b"garbage", 1, ":21: not an audit record"),
    "append a record of another log": (lambda L: joined(L + [L[5]]), 1, ":21: record inserted or moved"),
    "empty file": (lambda L: b"", 0, ": 0 records, chain valid (empty log)"),
}


@test
def tampering():
    base = make_log("base.log", 20)
    L = lines_of(base)
    check(len(L) == 20, "base log")
    fails = []
    for name, (fn, rc, text) in TAMPER.items():
        t = write("tampered.log", fn(list(L)))
        got, out, err = verify(t)
        if got != rc or (t + text) not in out:
            fails.append("%s: rc %d (want %d), %r %r (want %r)" % (name, got, rc, out, err, t + text))
    check(not fails, "\n    ".join([""] + fails))


@test
def removed_from_the_end_needs_an_anchor():
    base = make_log("anchor.log", 10)
    L = lines_of(base)
    last, tenth = sha(L[-1]), sha(L[9])
    rc, out, _ = verify(base, "--expect-last", last.upper())
    check(rc == 0, "expect-last of the real last record: %d %r" % (rc, out))
    rc, out, _ = verify(base, "--anchor", sha(L[4]))
    check(rc == 0 and "anchored record at line 5" in out, "anchor: %d %r" % (rc, out))
    cut = write("cut.log", joined(L[:8]))
    rc, out, _ = verify(cut)
    check(rc == 0, "a log cut at a record boundary has a valid chain (documented): %d %r" % (rc, out))
    rc, out, _ = verify(cut, "--expect-last", last)
    check(rc == 1 and "not the expected one" in out, "expect-last after removal: %d %r" % (rc, out))
    rc, out, _ = verify(cut, "--anchor", tenth)
    check(rc == 1 and "is not in the log" in out, "anchor after removal: %d %r" % (rc, out))
    edited = write("edlast.log", joined(L[:9] + [edit_writer(L[9])]))
    rc, out, _ = verify(edited, "--expect-last", last)
    check(rc == 1, "edited last record with expect-last: %d %r" % (rc, out))
    rc, out, _ = verify(base, "--expect-last", sha(L[7]))
    check(rc == 1 and "2 records follow the expected last record (line 8)" in out, "grown: %r" % out)
    for bad in (["--anchor", "xyz"], ["--expect-last", "g" * 64]):
        rc, _, err = verify(base, *bad)
        check(rc == 2 and "64 hex digits" in err, "bad hash %r: %d %r" % (bad, rc, err))


@test
def verify_errors():
    for args in (["audit"], ["audit", "frob"], ["audit", "verify"], ["audit", "verify", "a", "b"],
                 ["audit", "verify", "--nope", "x"], ["audit", "verify", path("missing.log")],
                 ["audit", "verify", TMP]):
        r = pc(*args)
        check(r.returncode == 2 and r.stderr.startswith(b"portcullis: ") and r.stderr.count(b"\n") == 1,
              "%r: rc %d %r" % (args, r.returncode, r.stderr))
    r = pc("help", "audit")
    check(r.returncode == 0 and b"verify" in r.stdout, "help audit")
    r = pc("--help")
    check(b"audit verify FILE" in r.stdout, "--help lists audit")
    r = pc("help", "run")
    check(b"--audit LOG" in r.stdout, "help run lists --audit")


# ------------------------------------------------------------ secrets


@test
def no_output_arguments_or_environment_values():
    out_secret, err_secret = "out-" + secrets.token_hex(8), "err-" + secrets.token_hex(8)
    env_secret, arg_secret = "env-" + secrets.token_hex(8), "arg-" + secrets.token_hex(8)
    src = ("import os\nimport sys\n\nprint(%r)\nprint(os.environ.get('PC_AUDIT_SECRET', 'missing'))\n"
           "print(sys.argv[1])\nsys.stderr.write(%r)\n" % (out_secret, err_secret + "\n"))
    prog = write("secret.py", src)
    log = path("secret.log")
    r = pc("run", "--audit", log, "--env", "PC_AUDIT_SECRET", prog, "--", arg_secret,
           env={"PC_AUDIT_SECRET": env_secret})
    check(r.returncode == 0, "run: %d %r" % (r.returncode, r.stderr))
    check(env_secret.encode() in r.stdout and arg_secret.encode() in r.stdout, "the program did not get them")
    data = read(log)
    for s in (out_secret, err_secret, env_secret, arg_secret):
        check(s.encode() not in data, "the log contains %r" % s)
    (rec,) = records(log)
    res = rec["result"]
    check(res["stdout"] == {"bytes": len(r.stdout), "sha256": sha(r.stdout), "truncated": False},
          "stdout digest %r, output %r" % (res["stdout"], r.stdout))
    check(res["stderr"]["bytes"] == len(err_secret) + 1 and res["stderr"]["sha256"] == sha((err_secret + "\n").encode()),
          "stderr digest %r" % res["stderr"])
    check(rec["env"] == ["PC_AUDIT_SECRET"], "env names: %r" % rec["env"])
    check(rec["code_sha256"] == sha(src.encode()) and rec["code_bytes"] == len(src.encode()), "code digest")
    check(rec["argc"] == 1 and rec["args_sha256"] == sha(arg_secret.encode() + b"\0"), "args digest")
    check(rec["file"] == prog and rec["verdict"] == "allow" and rec["policy"] == "standard", "record: %r" % rec)

    # exec: the command line is a digest too
    argv = ["/bin/sh", "-c", "echo %s; echo $PC_AUDIT_SECRET" % arg_secret]
    r = pc("exec", "--audit", log, "--env", "PC_AUDIT_SECRET", "--", *argv, env={"PC_AUDIT_SECRET": env_secret})
    check(r.returncode == 0 and env_secret.encode() in r.stdout, "exec: %d %r %r" % (r.returncode, r.stdout, r.stderr))
    data = read(log)
    for s in (env_secret, arg_secret):
        check(s.encode() not in data, "the exec record contains %r" % s)
    rec = records(log)[1]
    check(rec["command"] == "exec" and rec["program"] == "/bin/sh" and rec["argc"] == 3, "exec record %r" % rec)
    check(rec["code_sha256"] == sha(b"".join(a.encode() + b"\0" for a in argv)), "argv digest")
    check(rec["verdict"] is None and rec["findings"] is None and rec["rules_sha256"] is None, "exec verdict")
    check(rec["result"]["stdout"]["sha256"] == sha(r.stdout), "exec stdout digest")
    expect_verify(log, 0, "2 records, chain valid")


@test
def denied_run_is_recorded():
    src = "import os\nos.system('id $USER')\n"
    prog = write("bad.py", src)
    log = path("deny.log")
    r = pc("run", "--audit", log, prog)
    check(r.returncode == 126, "denied: rc %d" % r.returncode)
    (rec,) = records(log)
    check(rec["verdict"] == "deny" and rec["result"] is None and rec["findings"], "record %r" % rec)
    check(len(set(rec["findings"])) == len(rec["findings"]), "rule ids repeat")
    check(rec["code_sha256"] == sha(src.encode()), "code digest")
    r = pc("run", "--audit", log, "--format", "json", prog)
    check(r.returncode == 126 and json.loads(r.stdout)["status"] == "denied", "json denied")
    expect_verify(log, 0, "2 records, chain valid")


# ------------------------------------------------------------ no record, no run


def refused(log, what, *run_args, timeout=30):
    r = pc("exec", "--audit", log, "--", "/bin/echo", "RAN", timeout=timeout)
    check(r.returncode == 2 and b"RAN" not in r.stdout, "%s: exec rc %d out %r" % (what, r.returncode, r.stdout))
    check(b"nothing was run" in r.stderr and r.stderr.count(b"\n") == 1, "%s: stderr %r" % (what, r.stderr))
    return r


@test
def refuses_to_run_without_a_log():
    data = read(make_log("trunc.log", 3))[:-30]
    log = write("trunc.log", data)
    r = refused(log, "truncated log")
    check(b"truncated" in r.stderr and b"portcullis audit verify" in r.stderr, "message %r" % r.stderr)
    prog = write("hi.py", "print('RAN')\n")
    r = pc("run", "--audit", log, prog)
    check(r.returncode == 2 and b"RAN" not in r.stdout, "run with a truncated log: %d" % r.returncode)
    check(read(log) == data, "the truncated log changed")
    garbage = write("garbage.log", read(make_log("g.log", 2)) + b"garbage\n")
    before = read(garbage)
    refused(garbage, "garbage last line")
    check(read(garbage) == before, "the log with garbage changed")

    target = make_log("target.log", 1)
    before = read(target)
    link = path("link.log")
    os.symlink(target, link)
    r = refused(link, "symlink")
    check(b"symbolic link" in r.stderr, "symlink message %r" % r.stderr)
    check(read(target) == before, "the symlink's target changed")

    fifo = path("fifo.log")
    os.mkfifo(fifo)
    r = refused(fifo, "FIFO", timeout=20)
    check(b"not a regular file" in r.stderr, "fifo message %r" % r.stderr)
    refused(TMP, "directory")
    refused("/dev/null", "device")
    refused(path("no/such/dir/x.log"), "missing directory")
    r = pc("exec", "--audit", "", "--", "/bin/true")
    check(r.returncode == 2, "--audit ''")


@test
def new_log_is_private():
    log = path("private.log")
    r = pc("exec", "--audit", log, "--", "/bin/true", preexec=lambda: os.umask(0o022))
    check(r.returncode == 0, "exec: %d %r" % (r.returncode, r.stderr))
    mode = stat.S_IMODE(os.stat(log).st_mode)
    check(mode == 0o600, "mode %o" % mode)


@test
def record_that_cannot_be_written_after_the_run():
    """The log was fine before the run but takes no record after it (here:
    RLIMIT_FSIZE at its size): exit 125, the log unchanged, never half a record."""
    log = make_log("full.log", 2)
    before = read(log)
    size = len(before)

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    r = pc("exec", "--audit", log, "--", "/bin/echo", "RAN", preexec=limit)
    check(r.returncode == 125, "rc %d %r" % (r.returncode, r.stderr))
    check(b"not in the audit log" in r.stderr, "stderr %r" % r.stderr)
    check(read(log) == before, "the log changed")
    expect_verify(log, 0, "2 records, chain valid")


def main():
    global BIN, HELPER, TMP
    ap = argparse.ArgumentParser()
    ap.add_argument("portcullis")
    ap.add_argument("helper")
    ap.add_argument("-k", action="append", default=[])
    a = ap.parse_args()
    BIN, HELPER = os.path.abspath(a.portcullis), os.path.abspath(a.helper)
    passed = failed = 0
    for fn in TESTS:
        if a.k and not any(k in fn.__name__ for k in a.k):
            continue
        TMP = tempfile.mkdtemp(prefix="pc-audit-")
        try:
            fn()
            print("PASS %s" % fn.__name__)
            passed += 1
        except Exception as e:
            print("FAIL %s: %s" % (fn.__name__, e))
            if not isinstance(e, Fail):
                traceback.print_exc()
            failed += 1
        finally:
            shutil.rmtree(TMP, ignore_errors=True)
        sys.stdout.flush()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
