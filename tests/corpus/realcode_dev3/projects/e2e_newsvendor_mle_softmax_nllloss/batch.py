"""part of positive project [LG006, LG007, LG011]: batched evaluation helpers; the NLL evaluation applies the NLLLoss it is given to the softmax model, and the running average of the cost is kept as a tensor with its graph."""
# Source: locuslab/e2e-model-learning@2bf43848ac26e25321fea7bfeddf2a24135aa192 newsvendor/batch.py (read as is; issue #11 "The NLL loss function in the newsvendor task is wrongly used"; re-typed)
import torch
from constants import *


def get_vars(n, X, Y):
    inputs = torch.empty(n, X.size(1), device=DEVICE)
    targets = torch.empty(n, Y.size(1), device=DEVICE)
    return inputs, targets


def get_vars_scalar_out(n, X, Y):
    inputs = torch.empty(n, X.size(1), device=DEVICE)
    targets = torch.empty(n, dtype=torch.long, device=DEVICE)
    return inputs, targets


def get_cost_helper(n, epoch, model, X, Y, loss_fn, make_vars):
    running = 0
    inputs, targets = make_vars(n, X, Y)
    size = n
    for i in range(0, X.size(0), n):
        if i + n > X.size(0):
            size = X.size(0) - i
            inputs, targets = make_vars(size, X, Y)
        inputs.data[:] = X[i:i + size]
        targets.data[:] = Y[i:i + size]

        preds = model(inputs)
        cost = loss_fn(preds, targets)  # expect: LG007
        running += (cost - running) * size / (i + size)  # expect: LG006

    print('Average loss: {:.4f}'.format(running.item()))
    return running


def get_cost(n, epoch, model, X, Y, loss_fn):
    return get_cost_helper(n, epoch, model, X, Y, loss_fn, get_vars)


def get_cost_nll(n, epoch, model, X, Y, loss_fn):
    return get_cost_helper(n, epoch, model, X, Y, loss_fn, get_vars_scalar_out)
