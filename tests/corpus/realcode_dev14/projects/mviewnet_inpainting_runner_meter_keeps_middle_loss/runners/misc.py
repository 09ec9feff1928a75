"""part of positive project [LG006]: the runners' meter adds every value of the list it is given to a running sum kept on the object for the whole epoch."""
# Source: zyh16143998882/MViewNet@3300be126a52a9f9edff55d6d558813e25fdde15 runners/misc.py (a fork of microsoft/SpareNet's; re-typed, identifiers renamed, the count and val readers cut)


class RunningMeter(object):
    def __init__(self, names=None):
        self.names = names
        self.size = 1 if names is None else len(names)
        self.reset()

    def reset(self):
        self._last = [0] * self.size
        self._total = [0] * self.size
        self._seen = [0] * self.size

    def update(self, values):
        if type(values).__name__ == "list":
            for idx, v in enumerate(values):
                self._last[idx] = v
                self._total[idx] += v  # expect: LG006
                self._seen[idx] += 1
        else:
            self._last[0] = values
            self._total[0] += values
            self._seen[0] += 1

    def avg(self, idx=None):
        if idx is None:
            return self._total[0] / self._seen[0] if self.names is None else [self._total[i] / self._seen[i] for i in range(self.size)]
        return self._total[idx] / self._seen[idx]
