# expect: strict=deny standard=allow audit=allow
"""Write the project's test workflow: a matrix with an experimental Python."""
from pathlib import Path

WORKFLOW = """name: tests
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    continue-on-error: ${{ matrix.experimental }}
    strategy:
      matrix:
        python: ["3.11", "3.12"]
        experimental: [false]
        include:
          - python: "3.13"
            experimental: true
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: ${{ matrix.python }}
      - run: pip install -e .[test]
      - run: pytest -q
  deploy-docs:
    if: github.ref == 'refs/heads/main'
    needs: test
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: make docs
"""

target = Path(".github/workflows/tests.yml")
target.parent.mkdir(parents=True, exist_ok=True)
target.write_text(WORKFLOW)
print(f"wrote {target}")
