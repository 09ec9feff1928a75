"""part of positive project [LG012]: the label converter and the averager the training script adds each cost to (it reads .data)."""
# Source: duyddwcs/crnn-pytorch at 702799b76f3f6a4d893159339c357b3be60f630c utils/utils.py (strLabelConverter's encode/decode bodies shortened; averager and loadData re-typed as written)
import torch
import torch.nn as nn
from torch.autograd import Variable


class strLabelConverter(object):

    def __init__(self, alphabet, ignore_case=False):
        self._ignore_case = ignore_case
        if self._ignore_case:
            alphabet = alphabet.lower()
        self.alphabet = alphabet + '-'
        self.dict = {char: i + 1 for i, char in enumerate(alphabet)}

    def encode(self, text):
        length = [len(s) for s in text]
        text = [self.dict[char.lower() if self._ignore_case else char] for s in text for char in s]
        return torch.IntTensor(text), torch.IntTensor(length)

    def decode(self, t, length, raw=False):
        return ''.join(self.alphabet[i - 1] for i in t if i != 0)


class averager(object):
    """Compute average for `torch.Variable` and `torch.Tensor`. """

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


def loadData(v, data):
    with torch.no_grad():
        v.resize_(data.size()).copy_(data)
