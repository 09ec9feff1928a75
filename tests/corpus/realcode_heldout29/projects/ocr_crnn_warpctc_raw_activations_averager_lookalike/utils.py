"""part of look-alike project [LG006, LG012, LG014]: the training helpers: data_parallel, loadData, and the loss averager, which adds v.data (the source's comment: not v.sum(), which would add a graph node and leak memory)."""
# Source: xiaofengShi/CHINESE-OCR at 46395d14, train/pytorch-train/utils.py; re-typed, identifiers renamed; strLabelConverter's encode and
# decode bodies shortened (the alphabet lookup kept).
import torch
import torch.nn as nn


class strLabelConverter(object):
    def __init__(self, alphabet):
        self.alphabet = alphabet + u'-'
        self.dict = {}
        for i, char in enumerate(alphabet):
            self.dict[char] = i + 1

    def encode(self, text):
        length = [len(s) for s in text]
        text = ''.join(text)
        text = [self.dict.get(char, 0) for char in text]
        return (torch.IntTensor(text), torch.IntTensor(length))


class averager(object):
    def __init__(self):
        self.reset()

    def add(self, v):
        self.n_count += v.data.numel()
        # not += v.sum(): that would add a node to the graph and leak memory
        self.sum += v.data.sum()

    def reset(self):
        self.n_count = 0
        self.sum = 0

    def val(self):
        res = 0
        if self.n_count != 0:
            res = self.sum / float(self.n_count)
        return res


def data_parallel(model, input, ngpu):
    if isinstance(input.data, torch.cuda.FloatTensor) and ngpu > 1:
        output = nn.parallel.data_parallel(model, input, range(ngpu))
    else:
        output = model(input)
    return output


def loadData(v, data):
    v.data.resize_(data.size()).copy_(data)
