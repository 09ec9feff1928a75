"""look-alike [LG008, LG009]: Knowledge-Distillation-Zoo's soft-target loss: F.kl_div(F.log_softmax(out_s / T, dim=1), F.softmax(out_t / T, dim=1), reduction='batchmean') * T * T."""
# Source: issue https://github.com/AberHu/Knowledge-Distillation-Zoo/issues/12 (kd_losses/st.py forward posted in the
# thread); re-typed, names changed. Correct code.
import torch.nn as nn
import torch.nn.functional as F


class SoftTarget(nn.Module):
    def __init__(self, T):
        super(SoftTarget, self).__init__()
        self.T = T

    def forward(self, out_s, out_t):
        loss = F.kl_div(F.log_softmax(out_s / self.T, dim=1), F.softmax(out_t / self.T, dim=1), reduction="batchmean") * self.T * self.T
        return loss
