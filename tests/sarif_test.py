#!/usr/bin/env python3
"""End-to-end test of `portcullis check --format sarif`.

usage: sarif_test.py PORTCULLIS TESTS_DIR

Runs the real binary on several files (a denied one with several rules, an
approved one and one in a directory with a space, named with non-ASCII
characters), from standard input and with an unreadable file; checks the
logs against the JSON report of the same input, the fingerprints across
runs and shifted lines, and validates every log with Microsoft's SARIF
validator (the npm package @microsoft/sarif-multitool pinned in
TESTS_DIR/package.json; `npm install` there first). A missing validator is
a failure, never a skip.
"""
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import urllib.parse

VALIDATOR = "@microsoft/sarif-multitool"
# Warnings the validator may give: portcullis has no public home page for
# tool.driver.informationUri. Any other warning, and every error, fails.
ALLOWED_WARNINGS = {"SARIF2005"}
LEVELS = {"critical": "error", "high": "error", "medium": "warning", "low": "note", "info": "note"}
SECURITY_SEVERITY = {"critical": 9.5, "high": 8.0, "medium": 5.5, "low": 3.0, "info": 1.0}
NESTED = os.path.join("pkg dir", "naïve ünïcode.py")
SHIFT = 3  # lines inserted above everything in the shifted copy

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)
    return cond


def die(what):
    print("FAIL:", what)
    sys.exit(1)


def run(exe, args, cwd, stdin=None):
    env = dict(os.environ, PORTCULLIS_CONFIG="")  # no .portcullis.yaml above the temp dir applies
    p = subprocess.run([exe] + args, cwd=cwd, input=stdin, env=env, capture_output=True, timeout=120)
    err = p.stderr.decode("utf-8", "replace")
    check("Sanitizer" not in err and "runtime error:" not in err, f"sanitizer report for {args}:\n{err}")
    return p.returncode, p.stdout, err


def check_report(exe, args, cwd, want_rc, stdin=None, save=None):
    """Run portcullis check ARGS and return the parsed log; save keeps the
    output byte for byte for the validator."""
    rc, out, err = run(exe, ["check"] + args, cwd, stdin)
    if save:
        with open(save, "wb") as f:
            f.write(out)
    check(rc == want_rc, f"check {args}: exit status {rc}, want {want_rc}\n{err}")
    check(out.endswith(b"\n"), f"check {args}: output does not end with a newline")
    try:
        return json.loads(out)
    except ValueError as e:
        die(f"check {args}: output is not JSON ({e}):\n{out[:2000]!r}")


# ---- the validator --------------------------------------------------------


def find_validator(tests_dir):
    """The platform binary of the pinned package, made executable."""
    with open(os.path.join(tests_dir, "package.json")) as f:
        want = json.load(f)["dependencies"][VALIDATOR]
    modules = os.path.join(tests_dir, "node_modules")
    platform = {"linux": "linux", "darwin": "darwin"}.get(sys.platform)
    if not platform:
        die(f"no SARIF validator package for platform {sys.platform}")
    for pkg in (VALIDATOR, f"{VALIDATOR}-{platform}"):
        meta = os.path.join(modules, pkg, "package.json")
        if not os.path.exists(meta):
            die(f"{pkg} is not installed: run (cd {tests_dir} && npm install)")
        with open(meta) as f:
            have = json.load(f)["version"]
        if have != want:
            die(f"{pkg} {have} is installed, package.json pins {want}: run npm install in {tests_dir}")
    exe = os.path.join(modules, f"{VALIDATOR}-{platform}", "Sarif.Multitool")
    # npm 11 does not run the package's postinstall chmod
    if not os.access(exe, os.X_OK):
        os.chmod(exe, os.stat(exe).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    p = subprocess.run([exe, "--version"], capture_output=True, timeout=120)
    version = (p.stdout + p.stderr).decode(errors="replace").strip().splitlines()  # it prints to stderr
    if p.returncode != 0 or not version or want not in version[0]:
        die(f"{exe} --version: status {p.returncode}, {version}")
    print("validator:", version[0])
    return exe


def message_text(run_, result):
    """A validator result's message, with its arguments filled in."""
    msg = result["message"]
    if "text" in msg:
        return msg["text"]
    rule = run_["tool"]["driver"]["rules"][result["ruleIndex"]]
    text = rule["messageStrings"][msg["id"]]["text"]
    for i, arg in enumerate(msg.get("arguments", [])):
        text = text.replace("{%d}" % i, str(arg))
    return text


def validation_problems(exe, path):
    """Errors and unexpected warnings the validator finds in the log at path.

    The validator exits 0 whatever it finds, so its own SARIF output is
    read. It also silently skips a log it cannot load into its object model
    (an unknown enum value, say), reporting nothing at all; the notes it
    always gives (SARIF2003: no versionControlProvenance) show that it did
    analyze the log, so no result at all is a problem too.
    """
    out = path + ".validation.sarif"
    args = [exe, "validate", path, "--output", out, "--log", "ForceOverwrite",
            "--rule-kind", "Sarif;Gh", "--level", "Error;Warning;Note"]
    p = subprocess.run(args, capture_output=True, timeout=240)
    if not os.path.exists(out):
        return [f"validator wrote no output (status {p.returncode}): {p.stdout!r} {p.stderr!r}"]
    with open(out, encoding="utf-8-sig") as f:
        log = json.load(f)
    problems, seen = [], 0
    for run_ in log["runs"]:
        invocations = run_.get("invocations", [])
        for n in (n for i in invocations for n in i.get("toolExecutionNotifications", [])):
            if n.get("level", "warning") == "error":
                problems.append("validator: " + n["message"].get("text", str(n["message"])))
        for r in run_.get("results", []):
            seen += 1
            level = r.get("level", "warning")
            if level == "error" or (level == "warning" and r["ruleId"] not in ALLOWED_WARNINGS):
                problems.append(f"{level} {r['ruleId']}: {message_text(run_, r)}")
    if not seen:
        problems.append("the validator reported nothing, so it did not analyze the log")
    return problems


def validate(exe, path, what):
    problems = validation_problems(exe, path)
    check(not problems, f"validator on {what}:\n  " + "\n  ".join(problems))


def check_validator_catches(exe, log, tmp):
    """Broken copies of a real log must fail, so a validator that does
    nothing cannot pass this test."""
    run_ = log["runs"][0]
    broken = json.loads(json.dumps(log))
    b = broken["runs"][0]
    b["results"][0]["ruleIndex"] = len(run_["tool"]["driver"]["rules"]) + 5
    b["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = "<stdin> x"
    b["artifacts"][0]["undefinedProperty"] = 1
    path = os.path.join(tmp, "broken.sarif")
    with open(path, "w") as f:
        json.dump(broken, f)
    problems = "\n".join(validation_problems(exe, path))
    for rule in ("SARIF1009", "SARIF1002", "JSON1005"):  # index, URI, schema
        check(rule in problems, f"the validator missed the {rule} error in a broken log:\n{problems}")
    # the silent skip above, and that validation_problems notices it
    broken = json.loads(json.dumps(log))
    broken["runs"][0]["results"][0]["level"] = "severe"
    with open(path, "w") as f:
        json.dump(broken, f)
    check(validation_problems(exe, path), "an unloadable log passed validation")


# ---- the log itself ----------------------------------------------------------


def pascal(rule_id):
    return "".join(w[:1].upper() + w[1:] for w in re.split(r"[^A-Za-z0-9]+", rule_id) if w)


def check_rules(log):
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    check(len(ids) > 100 and len(set(ids)) == len(ids), f"{len(ids)} rules, ids not unique or too few")
    for r in rules:
        rid, props = r["id"], r["properties"]
        check(r["name"] == pascal(rid), f"{rid}: name {r['name']}")
        short, full = r["shortDescription"]["text"], r["fullDescription"]["text"]
        sentence = short == full or (full.startswith(short + " ") and short.endswith((".", "!", "?")))
        check(short and sentence, f"{rid}: short description {short!r} is not the first sentence of {full!r}")
        check(r["help"]["text"].startswith(full) and r["help"]["markdown"], f"{rid}: help")
        sev = props["severity"]
        check(r["defaultConfiguration"]["level"] == LEVELS[sev], f"{rid}: level for {sev}")
        check(float(props["security-severity"]) == SECURITY_SEVERITY[sev], f"{rid}: security-severity")
        check(isinstance(props["security-severity"], str), f"{rid}: security-severity must be a string")
        check(props["precision"] in ("very-high", "high", "medium", "low"), f"{rid}: precision")
        check(props["problem.severity"] in ("error", "warning", "recommendation"), f"{rid}: problem.severity")
        check("security" in props["tags"], f"{rid}: no security tag")
        cwes = re.findall(r"CWE-(\d+)", props.get("cwe") or "")
        for n in cwes:
            check(f"external/cwe/cwe-{n}" in props["tags"], f"{rid}: no tag for CWE-{n}")
            check(f"https://cwe.mitre.org/data/definitions/{n}.html" in r["help"]["markdown"],
                  f"{rid}: no link for CWE-{n}")
    return ids


def source_text(path, region):
    """The text of a region, columns counted in code points, end exclusive."""
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().splitlines()
    sl, sc, el, ec = (region[k] for k in ("startLine", "startColumn", "endLine", "endColumn"))
    if sl == el:
        return lines[sl - 1][sc - 1:ec - 1]
    return "\n".join([lines[sl - 1][sc - 1:]] + lines[sl:el - 1] + [lines[el - 1][:ec - 1]])


URI_CHARS = re.compile(r"^([A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-F]{2})*$")


def path_of(run_, location):
    """The path a location names, as given on the command line."""
    uri = location["uri"]
    check(URI_CHARS.match(uri), f"{uri!r} is not a valid URI reference")
    if location.get("uriBaseId") == "%SRCROOT%":
        check(not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", uri), f"relative {uri} reads as a scheme")
        return urllib.parse.unquote(uri)
    check("uriBaseId" not in location and uri.startswith("file:///"), f"absolute location {location}")
    return urllib.parse.unquote(uri[len("file://"):])


def sarif_findings(log, cwd):
    """{path: [finding]} from a SARIF log, in the JSON report's terms."""
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    artifacts = [path_of(run_, a["location"]) for a in run_["artifacts"]]
    out = {p: [] for p in artifacts}
    for r in run_["results"]:
        rule = rules[r["ruleIndex"]]
        check(r["ruleId"] == rule["id"], f"ruleId {r['ruleId']} != rules[{r['ruleIndex']}].id {rule['id']}")
        loc = r["locations"][0]["physicalLocation"]
        path = path_of(run_, loc["artifactLocation"])
        check(artifacts[loc["artifactLocation"]["index"]] == path, f"artifact index of {path}")
        reg, props = loc["region"], r["properties"]
        check(r["level"] == LEVELS[props["severity"]], f"{r['ruleId']}: level {r['level']}")
        check(r["message"]["text"].startswith(rule["fullDescription"]["text"]), f"{r['ruleId']}: message")
        fp = r["partialFingerprints"]["portcullis/v1"]
        check(re.fullmatch(r"[0-9a-f]{32}", fp), f"fingerprint {fp}")
        if cwd and path != "/dev/stdin":
            check(reg["snippet"]["text"] == source_text(os.path.join(cwd, path), reg),
                  f"{path}: snippet {reg['snippet']['text']!r} is not the text of {reg}")
        out[path].append({"rule": r["ruleId"], "line": reg["startLine"], "column": reg["startColumn"],
                          "end_line": reg["endLine"], "end_column": reg["endColumn"], "fingerprint": fp,
                          "severity": props["severity"], "denies": props["denies"]})
    return out


def rule_fingerprints(findings):
    return [(f["rule"], f["fingerprint"]) for f in findings]


def json_findings(report):
    keys = ("rule", "line", "column", "end_line", "end_column", "fingerprint", "severity", "denies")
    return {f["path"]: [{k: x[k] for k in keys} for x in f["findings"]] for f in report["files"]}


def check_run(log, cwd, exe_version):
    check(log["version"] == "2.1.0" and log["$schema"].startswith("https://"), "version or $schema")
    run_ = log["runs"][0]
    driver = run_["tool"]["driver"]
    check(driver["name"] == "portcullis", "driver name")
    check(driver["version"] == exe_version, f"driver version {driver['version']} != {exe_version}")
    check(re.fullmatch(r"\d+\.\d+\.\d+([-+].*)?", driver["semanticVersion"]), "semanticVersion")
    check(run_["columnKind"] == "unicodeCodePoints", "columnKind")
    root = run_["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    want = "file://" + urllib.parse.quote(os.path.realpath(cwd)) + "/"
    check(root == want, f"%SRCROOT% is {root}, want {want}")


# ---- the test ----------------------------------------------------------------


def main():
    if len(sys.argv) != 3:
        die("usage: sarif_test.py PORTCULLIS TESTS_DIR")
    exe, tests_dir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    fixtures = os.path.join(tests_dir, "fixtures", "sarif")
    validator = find_validator(tests_dir)
    version = subprocess.run([exe, "--version"], capture_output=True, text=True).stdout.split()[1]
    tmp = tempfile.mkdtemp(prefix="portcullis-sarif-")
    try:
        work = os.path.join(tmp, "work")
        os.makedirs(os.path.join(work, "pkg dir"))
        for name in ("denied.py", "approved.py"):
            shutil.copy(os.path.join(fixtures, name), work)
        shutil.copy(os.path.join(fixtures, "nested.py"), os.path.join(work, NESTED))
        files = ["denied.py", "approved.py", NESTED]

        # one denied file among approved ones: exit 1, and the same findings as JSON
        mixed = os.path.join(tmp, "mixed.sarif")
        log = check_report(exe, ["--format", "sarif"] + files, work, 1, save=mixed)
        report = check_report(exe, ["--format", "json"] + files, work, 1)
        check_run(log, work, version)
        rule_ids = check_rules(log)
        found = sarif_findings(log, work)
        want = json_findings(report)
        check(found == want, f"SARIF and JSON findings differ:\n{found}\n{want}")
        check(len({f["rule"] for f in found["denied.py"]}) >= 5, "denied.py should hit several rules")
        check(found["approved.py"] and found[NESTED], "the approved files should have non-denying findings")
        run_ = log["runs"][0]
        verdicts = {path_of(run_, a["location"]): a["properties"]["verdict"] for a in run_["artifacts"]}
        want = {"denied.py": "deny", "approved.py": "allow", NESTED: "allow"}
        check(verdicts == want, f"verdicts {verdicts}")
        inv = run_["invocations"][0]
        check(inv["executionSuccessful"] is True and not inv["toolExecutionNotifications"], "invocation")
        check(inv["properties"]["verdict"] == "deny" and inv["properties"]["policy"] == "standard",
              f"invocation properties {inv['properties']}")
        nested_uri = next(a["location"]["uri"] for a in run_["artifacts"] if "pkg" in a["location"]["uri"])
        check(nested_uri == "pkg%20dir/na%C3%AFve%20%C3%BCn%C3%AFcode.py", f"nested URI {nested_uri}")
        validate(validator, mixed, "the mixed run")
        check_validator_catches(validator, log, tmp)

        # fingerprints: the same in a second run; the same, lines shifted,
        # when unrelated lines are inserted above
        again = sarif_findings(check_report(exe, ["--format", "sarif"] + files, work, 1), work)
        check(again == found, "a second run gave different results")
        fps = [f["fingerprint"] for f in found["denied.py"]]
        check(len(set(fps)) == len(fps), f"fingerprints within a file are not unique: {fps}")
        with open(os.path.join(fixtures, "denied.py")) as f:
            text = f.read()
        with open(os.path.join(work, "denied.py"), "w") as f:
            f.write("# an unrelated comment\n" * (SHIFT - 1) + "\n" + text)
        shifted = check_report(exe, ["--format", "sarif", "denied.py"], work, 1)
        moved = sarif_findings(shifted, work)["denied.py"]
        before = found["denied.py"]
        check(rule_fingerprints(moved) == rule_fingerprints(before),
              "fingerprints changed when lines were inserted above")
        check([f["line"] for f in moved] == [f["line"] + SHIFT for f in before], "lines did not shift")
        shutil.copy(os.path.join(fixtures, "denied.py"), work)

        # approved files only: exit 0, the same rules at the same indexes
        path = os.path.join(tmp, "approved.sarif")
        ok = check_report(exe, ["--format", "sarif", "approved.py", NESTED], work, 0, save=path)
        check([r["id"] for r in ok["runs"][0]["tool"]["driver"]["rules"]] == rule_ids, "rule list changed")
        check(ok["runs"][0]["invocations"][0]["properties"]["verdict"] == "allow", "approved run verdict")
        validate(validator, path, "the approved run")

        # standard input: a valid URI, not "<stdin>"
        path = os.path.join(tmp, "stdin.sarif")
        with open(os.path.join(fixtures, "denied.py"), "rb") as f:
            stdin = check_report(exe, ["--format", "sarif", "-"], work, 1, stdin=f.read(), save=path)
        got = sarif_findings(stdin, None)
        check(list(got) == ["/dev/stdin"], f"stdin artifacts {list(got)}")
        check([f["fingerprint"] for f in got["/dev/stdin"]] == fps, "stdin fingerprints differ from the file")
        validate(validator, path, "the standard input run")

        # a missing file and an unreadable one (reading /proc/self/mem at 0
        # fails): exit 2, a notification each, executionSuccessful false
        os.symlink("/proc/self/mem", os.path.join(work, "unreadable.py"))
        path = os.path.join(tmp, "error.sarif")
        err = check_report(exe, ["--format", "sarif", "approved.py", "unreadable.py", "missing.py"], work, 2,
                           save=path)
        run_ = err["runs"][0]
        inv = run_["invocations"][0]
        check(inv["executionSuccessful"] is False and inv["properties"]["verdict"] == "error",
              f"invocation {inv}")
        located = {}
        for n in inv["toolExecutionNotifications"]:
            loc = n["locations"][0]["physicalLocation"]["artifactLocation"]
            verdict = run_["artifacts"][loc["index"]]["properties"]["verdict"]
            located[path_of(run_, loc)] = (n["level"], verdict)
        want = {"unreadable.py": ("error", "error"), "missing.py": ("error", "error")}
        check(located == want, f"notifications {located}, want {want}")
        validate(validator, path, "the run with an unreadable file")
    finally:
        shutil.rmtree(tmp)
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("sarif: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
