"""part of positive project [LG006]: a window of the latest values, rebuilt on every append from its tail plus the new value; it keeps what it is given."""
# Source: CorentinJ/Real-Time-Voice-Cloning@865eba8826 synthesizer/utils/__init__.py (ValueWindow, re-typed)


class RecentValues:
    def __init__(self, size=100):
        self._size = size
        self._values = []

    def append(self, x):
        self._values = self._values[-(self._size - 1):] + [x]  # expect: LG006

    @property
    def sum(self):
        return sum(self._values)

    @property
    def count(self):
        return len(self._values)

    @property
    def average(self):
        return self.sum / max(1, self.count)

    def reset(self):
        self._values = []
