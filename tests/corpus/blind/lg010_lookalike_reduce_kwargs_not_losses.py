"""look-alike [LG010]: `reduce=` / `size_average`-like keywords on things that are not torch losses: Tensor.scatter_reduce, functools.reduce, a config dict, and keras losses."""
import functools
import operator

import tensorflow as tf
import torch
import torch.nn as nn

CONFIG = {"size_average": True, "reduce": "mean", "lr": 1e-3}


def segment_sum(values, segment_ids, n_segments):
    out = torch.zeros(n_segments, values.size(1))
    idx = segment_ids.unsqueeze(1).expand_as(values)
    return out.scatter_reduce(0, idx, values, reduce="sum", include_self=True)


def n_params(shape):
    return functools.reduce(operator.mul, shape, 1)


def keras_loss():
    return tf.keras.losses.MeanSquaredError(reduction="sum_over_batch_size")


def make_criterion(cfg=CONFIG):
    reduction = cfg["reduce"] if cfg["size_average"] else "sum"
    return nn.SmoothL1Loss(reduction=reduction)


def train(model, loader, epochs=5):
    crit = make_criterion()
    opt = torch.optim.Adam(model.parameters(), lr=CONFIG["lr"])
    for epoch in range(epochs):
        for x, y in loader:
            opt.zero_grad()
            loss = crit(model(x), y)
            loss.backward()
            opt.step()
        print(epoch, loss.item(), n_params((3, 4, 5)))


if __name__ == "__main__":
    print(segment_sum(torch.randn(6, 2), torch.tensor([0, 0, 1, 2, 2, 2]), 3))
