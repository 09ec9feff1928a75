"""positive [LG009, LG010]: domain-specific batch-norm's distillation losses call nn.KLDivLoss() with its default 'mean' on log-softmax against the teacher's softmax, and its per-instance losses pass the deprecated reduce=False."""

# Source: wgchang/DSBN@e0cd4bf utils/train_utils.py (re-typed, renamed, cut to the losses)
import torch
import torch.nn as nn
import torch.nn.functional as F


def weighted_ce(x, y, instance_weights=None):
    if instance_weights is not None:
        return torch.mean(instance_weights * F.cross_entropy(x, y, reduce=False))  # expect: LG010
    return F.cross_entropy(x, y)


def distillation_loss(outputs, labels, teacher_outputs, alpha, temperature):
    T = temperature
    kd = nn.KLDivLoss()(F.log_softmax(outputs / T, dim=1), F.softmax(teacher_outputs / T, dim=1)) * (alpha * T * T)  # expect: LG009
    return kd + F.cross_entropy(outputs, labels) * (1.0 - alpha)


def kl_to_teacher(outputs, teacher_outputs, temperature=1.0):
    T = temperature
    return (T * T) * nn.KLDivLoss()(F.log_softmax(outputs / T, dim=1), F.softmax(teacher_outputs / T, dim=1))  # expect: LG009


def kl_uniform_per_instance(outputs):
    uniform = torch.ones(outputs.size()) / outputs.size(1)
    return F.kl_div(F.log_softmax(outputs, dim=1), uniform, reduce=False).sum(dim=1)  # expect: LG010
