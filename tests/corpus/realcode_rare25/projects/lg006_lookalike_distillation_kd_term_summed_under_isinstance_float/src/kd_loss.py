"""part of look-alike project [LG006]: the distillation loss returns its KL term as a tensor, or as the float `0.0` when no teacher scores are given."""

# Source: intersun/PKD-for-BERT-Model-Compression@9e9e860 src/KD_loss.py (re-typed, renamed, cut to the distillation loss)
import torch.nn.functional as F
from torch import nn


def distillation_loss(y, labels, teacher_scores, T, alpha, reduction_kd="mean", reduction_nll="mean"):
    if teacher_scores is not None:
        d_loss = nn.KLDivLoss(reduction=reduction_kd)(F.log_softmax(y / T, dim=1), F.softmax(teacher_scores / T, dim=1)) * T * T
    else:
        assert alpha == 0, f"alpha cannot be {alpha} when teacher scores are not provided"
        d_loss = 0.0
    nll_loss = F.cross_entropy(y, labels, reduction=reduction_nll)
    tol_loss = alpha * d_loss + (1.0 - alpha) * nll_loss
    return tol_loss, d_loss, nll_loss
