"""part of look-alike project [LG001, LG006, LG015]: masked_loss takes F.cross_entropy(out, label, reduction='none') of the raw GCN scores, weights it by the normalised node mask and returns its mean, a scalar."""
# Source: dragen1860/GCN-PyTorch at 623aa67f (read as is; issue #6 asks whether a softmax is missing before this
# loss), utils.py; re-typed, identifiers renamed; the sparse dot helper kept in outline.
import torch
from torch import nn
from torch.nn import functional as F


def masked_loss(scores, target, node_mask):
    per_node = F.cross_entropy(scores, target, reduction="none")
    node_mask = node_mask.float()
    node_mask = node_mask / node_mask.mean()
    per_node *= node_mask
    per_node = per_node.mean()
    return per_node


def masked_acc(scores, target, node_mask):
    pred = scores.argmax(dim=1)
    hit = torch.eq(pred, target).float()
    node_mask = node_mask.float()
    node_mask = node_mask / node_mask.mean()
    hit *= node_mask
    return hit.mean()


def sparse_dropout(x, rate, noise_shape):
    keep = 1 - rate
    keep += torch.rand(noise_shape).to(x.device)
    keep_mask = torch.floor(keep).byte()
    idx = x._indices()
    val = x._values()
    idx = idx[:, keep_mask]
    val = val[keep_mask]
    out = torch.sparse.FloatTensor(idx, val, x.shape).to(x.device)
    return out * (1.0 / (1 - rate))


def dot(x, y, sparse=False):
    if sparse:
        return torch.sparse.mm(x, y)
    return torch.mm(x, y)
