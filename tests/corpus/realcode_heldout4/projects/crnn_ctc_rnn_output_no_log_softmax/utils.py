"""part of positive project [LG012]: the averager sums v.data of a tensor, so the losses it receives are detached."""
# Source: https://github.com/Holmeyoung/crnn-pytorch utils.py at 98eb83f4f653576f97aea97eb0bdd6fff4d5a15c; re-typed, names changed, reduced to the averager.
import torch
from torch.autograd import Variable


class averager(object):
    def __init__(self):
        self.reset()

    def add(self, v):
        if isinstance(v, Variable):
            count = v.data.numel()
            v = v.data.sum()
        elif isinstance(v, torch.Tensor):
            count = v.numel()
            v = v.sum()
        self.n_count += count
        self.sum += v

    def reset(self):
        self.n_count = 0
        self.sum = 0

    def val(self):
        res = 0
        if self.n_count != 0:
            res = self.sum / float(self.n_count)
        return res
