"""part of positive project [LG009]: distillation() calls F.kl_div without reduction=, so the segmentation KD term is the mean over batch, classes and pixels instead of the KL divergence."""
# Source: mazo20/MINF@409d92279ade9ee3ca0ee083dca87892ca0b8ef2 code/utils/distillation.py (read as is; re-typed, cut at function boundaries: match_at_layers left out)
import torch.nn.functional as F


def distillation(y, teacher_scores, labels, T, alpha):
    kl = F.kl_div(F.log_softmax(y / T, dim=1), F.softmax(teacher_scores / T, dim=1))  # expect: LG009
    return kl * (T * T * 2. * alpha) + F.cross_entropy(y, labels, ignore_index=255) * (1. - alpha)


def at(x):
    return F.normalize(x.pow(2).mean(1).view(x.size(0), -1))


def at_loss(x, y):
    return (at(x) - at(y)).pow(2).mean()
