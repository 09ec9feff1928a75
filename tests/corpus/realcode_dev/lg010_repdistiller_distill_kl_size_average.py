"""positive [LG010]: RepDistiller's DistillKL: F.kl_div(p_s, p_t, size_average=False) * T^2 / batch, with F.log_softmax / F.softmax distributions (the legacy flag means reduction='sum')."""
# Source: https://github.com/HobbitLong/RepDistiller distiller_zoo/KD.py at b84f547c5db6a35318d4671d7d5c4de74c822403
# (found by this survey); re-typed, names changed.
import torch.nn as nn
import torch.nn.functional as F


class DistillKL(nn.Module):
    def __init__(self, T):
        super(DistillKL, self).__init__()
        self.T = T

    def forward(self, y_s, y_t):
        p_s = F.log_softmax(y_s / self.T, dim=1)
        p_t = F.softmax(y_t / self.T, dim=1)
        loss = F.kl_div(p_s, p_t, size_average=False) * (self.T ** 2) / y_s.shape[0]  # expect: LG010
        return loss
