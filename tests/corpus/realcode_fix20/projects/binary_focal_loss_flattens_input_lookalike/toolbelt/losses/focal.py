"""part of look-alike project [LG005, LG010]: the binary focal loss flattens both the target and the logits to one value per element."""

# Source: BloodAxe/pytorch-toolbelt@a6cd0865d9 pytorch_toolbelt/losses/focal.py (the fix commit; cut, renamed)
from torch.nn.modules.loss import _Loss

from .functional import focal_loss_with_logits


class BinaryFocalLoss(_Loss):
    def __init__(self, alpha=0.5, gamma=2, ignore=None):
        super().__init__()
        self.alpha = alpha
        self.gamma = gamma
        self.ignore = ignore

    def forward(self, label_input, label_target):
        label_target = label_target.view(-1)
        label_input = label_input.view(-1)

        if self.ignore is not None:
            not_ignored = label_target != self.ignore
            label_input = label_input[not_ignored]
            label_target = label_target[not_ignored]

        return focal_loss_with_logits(label_input, label_target, gamma=self.gamma, alpha=self.alpha)


class FocalLoss(_Loss):
    def __init__(self, alpha=0.5, gamma=2):
        super().__init__()
        self.alpha = alpha
        self.gamma = gamma

    def forward(self, label_input, label_target):
        num_classes = label_input.size(1)
        loss = 0
        label_target = label_target.view(-1)
        label_input = label_input.view(-1, num_classes)
        not_ignored = label_target >= 0

        for cls in range(num_classes):
            cls_label_target = (label_target == (cls + 0)).long()
            cls_label_input = label_input[..., cls]
            cls_label_target = cls_label_target[not_ignored]
            cls_label_input = cls_label_input[not_ignored]
            loss += focal_loss_with_logits(cls_label_input, cls_label_target, gamma=self.gamma, alpha=self.alpha)
        return loss
