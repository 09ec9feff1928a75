"""positive [LG004] (survey: transformers loss/loss_rt_detr.py + loss/loss_for_object_detection.py): F.one_hot targets are int64 and reach binary_cross_entropy_with_logits through a focal-loss helper; torch raises "result type Float can't be cast to the desired output type Long"."""
import torch
import torch.nn.functional as F
from torch import nn


def sigmoid_focal_loss(inputs, targets, num_boxes, alpha: float = 0.25, gamma: float = 2):
    prob = inputs.sigmoid()
    ce_loss = nn.functional.binary_cross_entropy_with_logits(inputs, targets, reduction="none")  # expect: LG004
    p_t = prob * targets + (1 - prob) * (1 - targets)
    loss = ce_loss * ((1 - p_t) ** gamma)
    if alpha >= 0:
        alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
        loss = alpha_t * loss
    return loss.mean(1).sum() / num_boxes


class DetectionLoss(nn.Module):
    def __init__(self, num_classes, alpha=0.25, gamma=2.0):
        super().__init__()
        self.num_classes, self.alpha, self.gamma = num_classes, alpha, gamma

    def loss_labels_focal(self, src_logits, target_classes, num_boxes):
        target = F.one_hot(target_classes, num_classes=self.num_classes + 1)[..., :-1]
        return sigmoid_focal_loss(src_logits, target, num_boxes, self.alpha, self.gamma)


if __name__ == "__main__":
    criterion = DetectionLoss(num_classes=80)
    logits = torch.randn(2, 300, 80, requires_grad=True)
    classes = torch.randint(0, 81, (2, 300))
    criterion.loss_labels_focal(logits, classes, num_boxes=4).backward()
