"""A reviewer's list of tampering signs: held as data, nothing written or run."""
SIGNS = [
    # ok: test-suite-neutralized
    "assert True",
    # ok: ci-checks-disabled
    "continue-on-error: true",
]
for s in SIGNS:
    print(s)
