"""part of look-alike project [LG006, LG007, LG010, LG014]: the NLLLoss wrapper keeps its own size_average flag but builds torch's nn.NLLLoss with reduction='mean' or 'sum' from it; eval_step adds one decoder step's loss to acc_loss, which the trainer back-propagates once per batch."""
# Source: i-machine-think/machine at 170e4372 ("BUG: Some Pytorch 1.0 warning fixes", after 72086898 and 3c21c2df moved
# NLLLoss to reduction=), machine/loss/loss.py;
# re-typed, identifiers renamed; docstrings shortened, cuda/to helpers cut.
from __future__ import print_function

import math

import numpy as np
import torch
import torch.nn as nn


class Loss(object):
    """Base class wrapping one of PyTorch's loss functions."""

    def __init__(self, name, log_name, inputs, target, criterion):
        self.name = name
        self.log_name = log_name
        self.inputs = inputs
        self.target = target
        self.criterion = criterion
        if not issubclass(type(self.criterion), nn.modules.loss._Loss):
            raise ValueError("Criterion has to be a subclass of torch.nn._Loss")
        self.acc_loss = 0
        self.norm_term = 0

    def reset(self):
        self.acc_loss = 0
        self.norm_term = 0

    def get_loss(self):
        raise NotImplementedError

    def eval_batch(self, decoder_outputs, other, target_variable):
        if self.inputs == "decoder_output":
            step_outs = decoder_outputs
        else:
            step_outs = other[self.inputs]

        gold = target_variable[self.target]

        for t, step_out in enumerate(step_outs):
            step_gold = gold[:, t + 1]
            self.eval_step(step_out, step_gold)

    def eval_step(self, outputs, target):
        raise NotImplementedError

    def backward(self, retain_graph=False):
        if type(self.acc_loss) is int:
            raise ValueError("No loss to back propagate.")
        self.acc_loss.backward(retain_graph=retain_graph)

    def scale_loss(self, factor):
        self.acc_loss *= factor


class NLLLoss(Loss):
    """Batch averaged negative log-likelihood loss."""

    _NAME = "Avg NLLLoss"
    _SHORTNAME = "nll_loss"
    _INPUTS = "decoder_output"
    _TARGETS = "decoder_output"

    def __init__(self, ignore_index=-1, size_average=True):
        self.ignore_index = ignore_index
        self.size_average = size_average

        super(NLLLoss, self).__init__(
            self._NAME, self._SHORTNAME, self._INPUTS, self._TARGETS,
            nn.NLLLoss(ignore_index=ignore_index, reduction="mean" if size_average else "sum"))

    def get_loss(self):
        if isinstance(self.acc_loss, int):
            return 0
        total = self.acc_loss.item()
        if self.size_average:
            total /= self.norm_term
        return total

    def eval_step(self, step_outputs, target):
        bsz = target.size(0)
        flat = step_outputs.contiguous().view(bsz, -1)
        self.acc_loss += self.criterion(flat, target)
        self.norm_term += 1


class Perplexity(NLLLoss):
    """Token averaged likelihood."""

    _NAME = "Perplexity"
    _SHORTNAME = "ppl"
    _MAX_EXP = 100
    _INPUTS = "decoder_output"

    def __init__(self, ignore_index=-100):
        super(Perplexity, self).__init__(ignore_index=ignore_index, size_average=False)

    def eval_step(self, outputs, target):
        self.acc_loss += self.criterion(outputs, target)
        if self.ignore_index is -100:
            self.norm_term += np.prod(target.size())
        else:
            self.norm_term += target.data.ne(self.ignore_index).sum()

    def get_loss(self):
        nll = super(Perplexity, self).get_loss()
        nll /= self.norm_term.item()
        if nll > Perplexity._MAX_EXP:
            print("WARNING: Loss exceeded maximum value, capping to e^100")
            return math.exp(Perplexity._MAX_EXP)
        return math.exp(nll)
