"""part of positive project [LG009]: the cross-modality distillation loss mixes cross-entropy with nn.KLDivLoss() (default reduction 'mean', an average over every element, not the KL divergence) of the student's and teacher's temperature-softened outputs."""
# Source: increase24/CMKD-MINDS@42650019608a3596cfec3f4eb8b6dc866c14f767 utils/loss.py (read as is; re-typed, identifiers renamed)
import torch.nn as nn
import torch.nn.functional as F


class loss_cls_kd(nn.Module):
    def __init__(self, params):
        super(loss_cls_kd, self).__init__()
        self.alpha = params.alpha
        self.T = params.temperature

    def forward(self, output, target, output_tch):
        ce = F.cross_entropy(output, target)
        kl = nn.KLDivLoss()(F.log_softmax(output / self.T, dim=1),  # expect: LG009
                            F.softmax(output_tch / self.T, dim=1)) * self.T * self.T
        return ce * (1. - self.alpha) + kl * self.alpha
