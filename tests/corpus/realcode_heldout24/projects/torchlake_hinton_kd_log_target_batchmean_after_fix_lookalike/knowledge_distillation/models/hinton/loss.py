"""part of look-alike project [LG001, LG008, LG009]: Hinton distillation after the fix: cross_entropy on the student's raw logits, plus F.kl_div of the student's log_softmax against the teacher's log_softmax with log_target=True and reduction='batchmean', scaled by T squared."""
# Source: gitE0Z9/pytorch-implementations at 42a1ed0a ("fix: hinton kd loss"; its parent a7c3441f gave the raw teacher logits divided by T as the target, which no rule describes),
# torchlake/knowledge_distillation/models/hinton/loss.py; re-typed, identifiers renamed.
import torch
import torch.nn.functional as F
from torch import nn


class HintonKDLoss(nn.Module):

    def __init__(self, alpha: float = 0.5, temp: float = 1):
        super().__init__()
        assert 0 <= alpha <= 1, "alpha should fall in [0, 1]"
        self.alpha = alpha
        self.temp = temp

    def forward(self, pred: torch.Tensor, t_pred: torch.Tensor, gt: torch.Tensor) -> torch.Tensor:
        s_loss = F.cross_entropy(pred, gt)
        t_loss = F.kl_div(
            F.log_softmax(pred / self.temp, dim=-1),
            F.log_softmax(t_pred / self.temp, dim=-1),
            reduction="batchmean",
            log_target=True,
        )
        return (1 - self.alpha) * s_loss + self.alpha * (self.temp ** 2) * t_loss
