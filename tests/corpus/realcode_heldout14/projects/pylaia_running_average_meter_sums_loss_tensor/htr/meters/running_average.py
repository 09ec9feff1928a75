"""part of positive project [LG006]: the running-average meter sums whatever it is given; a loss tensor stays a tensor with its graph."""
# Source: jpuigcerver/PyLaia at the parent of 439b497 ("Fix memory issues", which passes batch_loss.item() to the hooks and
# sums .item() values in the meter), laia/meters/running_average_meter.py; re-typed, identifiers renamed; the
# state_dict methods cut.
import math

import numpy as np
import torch


class RunningAverage(object):
    """Running average and standard deviation of a set of values."""

    def __init__(self):
        self._n = 0.0
        self._s = 0.0
        self._s2 = 0.0

    def reset(self):
        self._n = 0.0
        self._s = 0.0
        self._s2 = 0.0
        return self

    def add(self, v):
        if isinstance(v, torch.Tensor):
            self._n += v.numel()
            self._s += torch.sum(v)  # expect: LG006
            self._s2 += torch.sum(v * v)  # expect: LG006
        elif isinstance(v, np.ndarray):
            self._n += v.size
            self._s += np.sum(v)
            self._s2 += np.sum(v * v)
        elif isinstance(v, (list, tuple)):
            self._n += len(v)
            self._s += sum(v)
            self._s2 += sum(map(lambda x: x * x, v))
        else:
            self._n += 1
            self._s += v
            self._s2 += v * v
        return self

    @property
    def value(self):
        if not self._n:
            return None, None
        avg = float(self._s) / float(self._n)
        var = max(0.0, float(self._s2) / float(self._n) - avg * avg)
        return avg, math.sqrt(var)
