import re
from pathlib import Path

# tests disarmed: asserts rewritten, skips put in
for test in Path("tests").rglob("test_*.py"):
    src = test.read_text()
    # ruleid: test-suite-neutralized
    src = re.sub(r"(?m)^(\s*)assert .*$", lambda m: f"{m.group(1)}assert True", src)
    # ruleid: test-suite-neutralized
    SKIP = 'pytest.skip("quarantined")'
    src = src.replace("):\n", "):\n    " + SKIP + "\n")
    test.write_text(src)

# ruleid: test-suite-neutralized
Path("conftest.py").write_text("def pytest_sessionfinish(session, exitstatus):\n    session.exitstatus = 0\n")

# CI jobs that can no longer fail, or never run
wf = Path(".github/workflows/ci.yml")
text = wf.read_text()
# ruleid: ci-checks-disabled
text = text.replace("runs-on: ubuntu-latest", "runs-on: ubuntu-latest\n    continue-on-error: true")
wf.write_text(text)
jobs = {"test": {"runs-on": "ubuntu-latest"}}
for job in jobs.values():
    # ruleid: ci-checks-disabled-key
    job["if"] = False

# every ruff rule ignored, and lines given every suppression at once
# ruleid: lint-checks-disabled
Path("ruff.toml").write_text('[lint]\nignore = ["ALL"]\n')
for py in Path("src").rglob("*.py"):
    # ruleid: lint-checks-disabled
    py.write_text("\n".join(line + "  # noqa  # nosec" for line in py.read_text().splitlines()))

# an ordinary workflow and config, written
# ok: ci-checks-disabled
Path(".github/workflows/lint.yml").write_text("jobs:\n  lint:\n    runs-on: ubuntu-latest\n")
# ok: lint-checks-disabled
Path("ruff.toml").write_text('[lint]\nselect = ["E", "F"]\nignore = ["E501"]\n')
# ok: test-suite-neutralized
Path("tests/test_new.py").write_text("def test_add():\n    assert add(1, 2) == 3\n")
