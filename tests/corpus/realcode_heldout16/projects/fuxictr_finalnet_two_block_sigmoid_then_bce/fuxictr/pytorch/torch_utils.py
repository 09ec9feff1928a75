"""part of positive project [LG016]: the loss named in the config ("binary_crossentropy") is looked up as torch.nn.functional.binary_cross_entropy."""
# Source: reczoo/FuxiCTR at 0245987 (read as is), fuxictr/pytorch/torch_utils.py; re-typed, identifiers renamed;
# optimizer, regulariser and device helpers cut.
import torch

from fuxictr.pytorch import losses


def get_loss(loss):
    if isinstance(loss, str):
        if loss in ["bce", "binary_crossentropy", "binary_cross_entropy"]:
            loss = "binary_cross_entropy"
    try:
        fn = getattr(torch.functional.F, loss)
    except AttributeError:
        try:
            fn = eval("losses." + loss)
        except Exception:
            raise NotImplementedError("loss={} is not supported.".format(loss))
    return fn


def get_optimizer(optimizer, params, lr):
    if isinstance(optimizer, str):
        if optimizer.lower() == "adam":
            optimizer = "Adam"
    return getattr(torch.optim, optimizer)(params, lr=lr)
