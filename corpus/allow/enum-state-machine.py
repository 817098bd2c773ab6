# expect: strict=allow standard=allow audit=allow
from enum import Enum, auto


class State(Enum):
    IDLE = auto()
    RUNNING = auto()
    DONE = auto()
    FAILED = auto()


TRANSITIONS = {
    State.IDLE: {State.RUNNING},
    State.RUNNING: {State.DONE, State.FAILED},
    State.DONE: set(),
    State.FAILED: {State.IDLE},
}


class Job:
    def __init__(self) -> None:
        self.state = State.IDLE

    def move(self, new: State) -> None:
        if new not in TRANSITIONS[self.state]:
            raise RuntimeError(f"cannot go from {self.state.name} to {new.name}")
        self.state = new


job = Job()
job.move(State.RUNNING)
job.move(State.DONE)
print(job.state)
