"""part of positive project [LG010]: decoupled KD builds both of its KL terms with F.kl_div(..., size_average=False) and divides by the batch size itself; the inputs are torch.log of masked softmax probabilities and a log_softmax."""
# Source: megvii-research/mdistiller@a08d46f10d6102bd6e3f258ca5ac880b020ea259 mdistiller/distillers/DKD.py (read as is; re-typed, identifiers renamed)
import torch
import torch.nn as nn
import torch.nn.functional as F

from ._base import Distiller


def decoupled_kd(s_scores, t_scores, target, alpha, beta, temp):
    gt = _gt_mask(s_scores, target)
    other = _other_mask(s_scores, target)
    s_p = F.softmax(s_scores / temp, dim=1)
    t_p = F.softmax(t_scores / temp, dim=1)
    s_p = _binary(s_p, gt, other)
    t_p = _binary(t_p, gt, other)
    s_logp = torch.log(s_p)
    target_class_kd = (
        F.kl_div(s_logp, t_p, size_average=False)  # expect: LG010
        * (temp**2)
        / target.shape[0]
    )
    t_p_rest = F.softmax(
        t_scores / temp - 1000.0 * gt, dim=1
    )
    s_logp_rest = F.log_softmax(
        s_scores / temp - 1000.0 * gt, dim=1
    )
    non_target_kd = (
        F.kl_div(s_logp_rest, t_p_rest, size_average=False)  # expect: LG010
        * (temp**2)
        / target.shape[0]
    )
    return alpha * target_class_kd + beta * non_target_kd


def _gt_mask(scores, target):
    target = target.reshape(-1)
    return torch.zeros_like(scores).scatter_(1, target.unsqueeze(1), 1).bool()


def _other_mask(scores, target):
    target = target.reshape(-1)
    return torch.ones_like(scores).scatter_(1, target.unsqueeze(1), 0).bool()


def _binary(t, m1, m2):
    a = (t * m1).sum(dim=1, keepdims=True)
    b = (t * m2).sum(1, keepdims=True)
    return torch.cat([a, b], dim=1)


class DKD(Distiller):
    def __init__(self, student, teacher, cfg):
        super(DKD, self).__init__(student, teacher)
        self.ce_w = cfg.DKD.CE_WEIGHT
        self.alpha = cfg.DKD.ALPHA
        self.beta = cfg.DKD.BETA
        self.temp = cfg.DKD.T
        self.warmup = cfg.DKD.WARMUP

    def forward_train(self, image, target, **kwargs):
        s_scores, _ = self.student(image)
        with torch.no_grad():
            t_scores, _ = self.teacher(image)
        ce = self.ce_w * F.cross_entropy(s_scores, target)
        dkd = min(kwargs["epoch"] / self.warmup, 1.0) * decoupled_kd(
            s_scores,
            t_scores,
            target,
            self.alpha,
            self.beta,
            self.temp,
        )
        return s_scores, {"loss_ce": ce, "loss_kd": dkd}
