"""positive [LG010]: a tracker's center-ness loss asks binary_cross_entropy_with_logits for reduce="none", the deprecated flag, which torch reads as True: the loss comes back averaged to one number before the mask multiplies it, so every position gets the same weight (the fix passes reduction="none")."""

# Source: megvii-research/video_analyst@8bdcb98e7c videoanalyst/model/loss/loss_impl/sigmoid_ce_centerness.py, fixed in 9e863df037 (cut, renamed)
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
        loss = F.binary_cross_entropy_with_logits(pred, label, reduce="none") * mask  # expect: LG010
        loss = loss.sum() / torch.max(mask.sum(), self.t_one) * self.weight
        return loss, dict()
