"""look-alike [LG010]: the same center-ness loss at the fix: reduction="none" keeps one loss per position for the mask to weigh."""

# Source: megvii-research/video_analyst@9e863df037 videoanalyst/model/loss/loss_impl/sigmoid_ce_centerness.py (the fix commit; cut, renamed)
import torch
import torch.nn.functional as F
from torch import nn


class CenternessBCE(nn.Module):
    def __init__(self, background=0, weight=1.0):
        super().__init__()
        self.background = background
        self.weight = weight
        self.register_buffer("t_one", torch.tensor(1.0, requires_grad=False))

    def forward(self, pred_data, target_data):
        pred = pred_data["ctr_pred"]
        label = target_data["ctr_gt"]
        mask = (~(label == self.background)).type(torch.Tensor).to(pred.device)
        loss = F.binary_cross_entropy_with_logits(pred, label, reduction="none") * mask
        loss = loss.sum() / torch.max(mask.sum(), self.t_one) * self.weight
        return loss, dict()
