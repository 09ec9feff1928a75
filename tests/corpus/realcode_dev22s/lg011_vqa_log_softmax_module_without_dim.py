"""positive [LG011]: the VQA trainer builds `nn.LogSoftmax()` without `dim` and applies it to the `(N, answers)` scores for its soft-target loss (the implicit axis is 1, the one meant, with a deprecation warning)."""

# Source: Cyanogenoid/pytorch-vqa@8ff1afa train.py (re-typed, renamed, cut to the epoch)
import torch
import torch.nn as nn


def run(net, loader, optimizer, train=True):
    if train:
        net.train()
    else:
        net.eval()
    log_softmax = nn.LogSoftmax()  # expect: LG011
    for v, q, a, idx, q_len in loader:
        out = net(v, q, q_len)
        nll = -log_softmax(out)
        loss = (nll * a / 10).sum(dim=1).mean()
        if train:
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
