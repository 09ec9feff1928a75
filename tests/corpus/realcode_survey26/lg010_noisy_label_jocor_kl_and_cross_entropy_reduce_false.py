"""positive [LG010]: JoCoR's per-sample losses are built with the deprecated reduce=False, in F.kl_div and in both cross-entropies."""

# Source: hongxin001/JoCoR@86db359 algorithm/loss.py (re-typed, renamed, cut to the losses)
import numpy as np
import torch
import torch.nn.functional as F


def pairwise_kl(pred, soft_targets, reduce=True):
    kl = F.kl_div(F.log_softmax(pred, dim=1), F.softmax(soft_targets, dim=1), reduce=False)  # expect: LG010
    if reduce:
        return torch.mean(torch.sum(kl, dim=1))
    return torch.sum(kl, 1)


def joint_loss(logits_a, logits_b, labels, forget_rate, co_lambda=0.1):
    ce_a = F.cross_entropy(logits_a, labels, reduce=False) * (1 - co_lambda)  # expect: LG010
    ce_b = F.cross_entropy(logits_b, labels, reduce=False) * (1 - co_lambda)  # expect: LG010
    per_sample = (
        ce_a + ce_b + co_lambda * pairwise_kl(logits_a, logits_b, reduce=False) + co_lambda * pairwise_kl(logits_b, logits_a, reduce=False)
    ).cpu()
    order = np.argsort(per_sample.data)
    keep = int((1 - forget_rate) * len(order))
    return torch.mean(per_sample[order[:keep]])
