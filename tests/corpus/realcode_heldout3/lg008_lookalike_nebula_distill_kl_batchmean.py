"""look-alike [LG008, LG009]: a federated-learning distillation loss gives nn.KLDivLoss(reduction="batchmean") the student's log_softmax and the teacher's softmax, both over dim=1, scaled by T squared."""
# Source: https://github.com/enriquetomasmb/nebula nebula/core/optimizations/communications/KD/utils/KD.py at
# 9c9a103032f9ba38a774a684b5fe94389ff5febb; re-typed, names changed.
from torch import nn
import torch.nn.functional as F


class DistillKL(nn.Module):
    """Distilling the Knowledge in a Neural Network"""

    def __init__(self, T):
        super(DistillKL, self).__init__()
        self.T = T

    def forward(self, y_s, y_t):
        p_s = F.log_softmax(y_s / self.T, dim=1)
        p_t = F.softmax(y_t / self.T, dim=1)
        loss = nn.KLDivLoss(reduction="batchmean")(p_s, p_t) * (self.T ** 2)
        return loss
