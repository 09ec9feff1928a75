"""part of look-alike project [LG006]: AverageMeter.update adds every value it is given to a running sum kept on the object; the meter lives for the whole run."""
# Source: microsoft/SpareNet@8bbc200f25a3c9e5e9e4d03b685f9c5c655ef071 runners/misc.py (the fix "fix: losses take item", its issue #12; re-typed, identifiers renamed)


class AverageMeter(object):

    def __init__(self, items=None):
        self.items = items
        self.n_items = 1 if items is None else len(items)
        self.reset()

    def reset(self):
        self._val = [0] * self.n_items
        self._sum = [0] * self.n_items
        self._count = [0] * self.n_items

    def update(self, values):
        if type(values).__name__ == "list":
            for i, v in enumerate(values):
                self._val[i] = v
                self._sum[i] += v
                self._count[i] += 1
        else:
            self._val[0] = values
            self._sum[0] += values
            self._count[0] += 1

    def val(self, idx=None):
        if idx is None:
            return self._val[0] if self.items is None else [self._val[i] for i in range(self.n_items)]
        return self._val[idx]

    def avg(self, idx=None):
        if idx is None:
            return self._sum[0] / self._count[0] if self.items is None else [self._sum[i] / self._count[i] for i in range(self.n_items)]
        return self._sum[idx] / self._count[idx]
