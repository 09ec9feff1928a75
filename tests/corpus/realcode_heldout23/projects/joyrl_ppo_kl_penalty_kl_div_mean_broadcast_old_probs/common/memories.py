"""part of positive project [LG005, LG009]: the on-policy buffer keeps whole transitions in a deque and returns them column-wise with zip(*batch)."""
# Source: johnjim0816/rl-tutorials at 88b9eb82 (read as is), joyrl/common/memories.py;
# re-typed, identifiers renamed; the prioritised buffers cut.
from collections import deque


class ReplayBufferQue:
    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.buffer = deque(maxlen=self.capacity)

    def push(self, transitions):
        self.buffer.append(transitions)

    def clear(self):
        self.buffer.clear()


class PGReplay(ReplayBufferQue):
    def __init__(self):
        self.buffer = deque()

    def sample(self):
        batch = list(self.buffer)
        return zip(*batch)
