"""look-alike [LG003, LG002]: fvcore's sigmoid_focal_loss takes torch.sigmoid(inputs) only for the modulating weight and passes the raw inputs to binary_cross_entropy_with_logits; a RetinaNet-style head feeds it Conv2d logits."""
# Source: https://github.com/facebookresearch/fvcore fvcore/nn/focal_loss.py at 3378afe0d71dc2aa95e358bc78dc9b67cb48825a
# (issue #126 asked why the sigmoid is applied before the loss); the caller is the usual RetinaNet
# classification head; re-typed, names changed, reduced. Correct code.
import torch
from torch import nn
from torch.nn import functional as F


def sigmoid_focal_loss(inputs: torch.Tensor, targets: torch.Tensor, alpha: float = -1, gamma: float = 2, reduction: str = "none") -> torch.Tensor:
    inputs = inputs.float()
    targets = targets.float()
    p = torch.sigmoid(inputs)
    ce_loss = F.binary_cross_entropy_with_logits(inputs, targets, reduction="none")
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce_loss * ((1 - p_t) ** gamma)
    if alpha >= 0:
        alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
        loss = alpha_t * loss
    if reduction == "mean":
        loss = loss.mean()
    elif reduction == "sum":
        loss = loss.sum()
    return loss


sigmoid_focal_loss_jit: "torch.jit.ScriptModule" = torch.jit.script(sigmoid_focal_loss)


def sigmoid_focal_loss_star(inputs: torch.Tensor, targets: torch.Tensor, alpha: float = -1, gamma: float = 1, reduction: str = "none") -> torch.Tensor:
    inputs = inputs.float()
    targets = targets.float()
    shifted_inputs = gamma * (inputs * (2 * targets - 1))
    loss = -(F.logsigmoid(shifted_inputs)) / gamma
    if alpha >= 0:
        alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
        loss *= alpha_t
    if reduction == "mean":
        loss = loss.mean()
    elif reduction == "sum":
        loss = loss.sum()
    return loss


class ClsHead(nn.Module):
    def __init__(self, in_channels, num_anchors, num_classes):
        super().__init__()
        self.tower = nn.Sequential(nn.Conv2d(in_channels, in_channels, 3, padding=1), nn.ReLU())
        self.cls_score = nn.Conv2d(in_channels, num_anchors * num_classes, 3, padding=1)
        self.num_classes = num_classes

    def forward(self, features):
        return [self.cls_score(self.tower(f)) for f in features]


def losses(head, features, gt_classes, num_pos):
    logits = head(features)
    logits = torch.cat([x.permute(0, 2, 3, 1).reshape(x.shape[0], -1, head.num_classes) for x in logits], dim=1)
    valid = gt_classes >= 0
    gt_one_hot = F.one_hot(gt_classes[valid], num_classes=head.num_classes + 1)[:, :-1].to(logits.dtype)
    loss_cls = sigmoid_focal_loss_jit(logits[valid], gt_one_hot, alpha=0.25, gamma=2.0, reduction="sum")
    return loss_cls / max(1, num_pos)
