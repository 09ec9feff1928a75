"""part of positive project [LG010]: classic KD: F.kl_div(log_softmax, softmax, reduction="none") summed over classes and averaged over the batch."""
# Source: megvii-research/mdistiller@a08d46f10d6102bd6e3f258ca5ac880b020ea259 mdistiller/distillers/KD.py (read as is; re-typed, identifiers renamed)
import torch
import torch.nn as nn
import torch.nn.functional as F

from ._base import Distiller


def soft_target_loss(s_scores, t_scores, temp):
    s_logp = F.log_softmax(s_scores / temp, dim=1)
    t_p = F.softmax(t_scores / temp, dim=1)
    kd = F.kl_div(s_logp, t_p, reduction="none").sum(1).mean()
    kd *= temp**2
    return kd


class KD(Distiller):
    def __init__(self, student, teacher, cfg):
        super(KD, self).__init__(student, teacher)
        self.temp = cfg.KD.TEMPERATURE
        self.ce_w = cfg.KD.LOSS.CE_WEIGHT
        self.kd_w = cfg.KD.LOSS.KD_WEIGHT

    def forward_train(self, image, target, **kwargs):
        s_scores, _ = self.student(image)
        with torch.no_grad():
            t_scores, _ = self.teacher(image)
        ce = self.ce_w * F.cross_entropy(s_scores, target)
        kd = self.kd_w * soft_target_loss(s_scores, t_scores, self.temp)
        return s_scores, {"loss_ce": ce, "loss_kd": kd}
