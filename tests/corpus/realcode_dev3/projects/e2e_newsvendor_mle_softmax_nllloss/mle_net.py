"""part of positive project [LG006, LG007, LG011]: the maximum-likelihood baseline ends its nn.Sequential in nn.Softmax() (no dim) and trains it with nn.NLLLoss(), which expects log-probabilities; the batch loop also keeps a running average of the loss tensor."""
# Source: locuslab/e2e-model-learning@2bf43848ac26e25321fea7bfeddf2a24135aa192 newsvendor/mle_net.py (read as is; issue #11 "The NLL loss function in the newsvendor task is wrongly used", open; re-typed, the QP solver module, get_model (the same two Sequentials) and the early-stopping reload left out)
import operator
from functools import reduce

import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim

import batch
from constants import *


def run_mle_net(X, Y, X_test, Y_test, params, is_nonlinear=False):
    order = np.random.permutation(X.shape[0])
    cut = int(X.shape[0] * 0.8)
    X_train, Y_train = X[order[:cut], :], Y[order[:cut], :]
    X_hold, Y_hold = X[order[cut:], :], Y[order[cut:], :]

    X_train_t = torch.tensor(X_train, dtype=torch.float, device=DEVICE)
    Y_train_t = torch.tensor(Y_train, dtype=torch.float, device=DEVICE)
    X_hold_t = torch.tensor(X_hold, dtype=torch.float, device=DEVICE)
    Y_hold_t = torch.tensor(Y_hold, dtype=torch.float, device=DEVICE)
    X_test_t = torch.tensor(X_test, dtype=torch.float, device=DEVICE)
    Y_test_t = torch.tensor(Y_test, dtype=torch.float, device=DEVICE)

    Y_train_int_t = torch.where(Y_train_t)[1].detach()
    Y_hold_int_t = torch.where(Y_hold_t)[1].detach()
    Y_test_int_t = torch.where(Y_test_t)[1].detach()

    if is_nonlinear:
        sizes = [X_train.shape[1], 200, 200, Y_train.shape[1]]
        layers = reduce(operator.add, [[nn.Linear(a, b), nn.BatchNorm1d(b), nn.ReLU(), nn.Dropout(p=0.5)]
                                       for a, b in zip(sizes[0:-2], sizes[1:-1])])
        layers += [nn.Linear(sizes[-2], sizes[-1]), nn.Softmax()]  # expect: LG011
        model = nn.Sequential(*layers)
        lr = 1e-3
    else:
        model = nn.Sequential(
            nn.Linear(X_train.shape[1], Y_train.shape[1]),
            nn.Softmax()  # expect: LG011
        )
        lr = 1e-2
    if USE_GPU:
        model = model.cuda()
    opt = optim.Adam(model.parameters(), lr=lr)

    hold_costs = []
    for i in range(1000):
        test_cost = batch.get_cost_nll(100, i, model, X_test_t, Y_test_int_t, nn.NLLLoss())
        hold_cost = batch.get_cost_nll(100, i, model, X_hold_t, Y_hold_int_t, nn.NLLLoss())
        model.train()
        train_cost = batch_train(150, i, X_train_t, Y_train_t, Y_train_int_t, model, nn.NLLLoss(), opt)
        print(i, train_cost.item(), test_cost.item(), hold_cost.item())
        hold_costs.append(hold_cost.item())
    return min(hold_costs)


def batch_train(n, epoch, X, Y, Y_int, model, nll, opt):
    nll_avg = 0
    inputs, targets = batch.get_vars(n, X, Y)
    _, targets_int = batch.get_vars_scalar_out(n, X, Y_int)
    size = n
    for i in range(0, X.size(0), n):
        if i + n > X.size(0):
            size = X.size(0) - i
            inputs, targets = batch.get_vars(size, X, Y)
            _, targets_int = batch.get_vars_scalar_out(size, X, Y_int)
        inputs.data[:] = X[i:i + size]
        targets.data[:] = Y[i:i + size]
        targets_int.data[:] = Y_int[i:i + size]

        opt.zero_grad()
        preds = model(inputs)
        train_nll = nll(preds, targets_int)  # expect: LG007
        (train_nll).backward()
        opt.step()

        nll_avg += (train_nll - nll_avg) * n / (i + n)  # expect: LG006
        print('Epoch: {} [{}/{}]\tLoss: {:.4f}'.format(epoch, i + n, X.size(0), train_nll.item()))
    return nll_avg
